using Frivillig.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.IntegrationTests.Features.Activities;

/// <summary>Builds the organiser's activity form the way the page posts it.</summary>
internal sealed class ActivityForm
{
    public string Title { get; set; } = "Kaffetreff";
    public string Summary { get; set; } = "Kaffe og prat";
    public string Description { get; set; } = "Velkommen!";
    public string Category { get; set; } = "mote-og-prat";
    public string[] Targets { get; set; } = ["eldre"];
    public string District { get; set; } = "tromsoya";
    public string Place { get; set; } = "Bydelshuset";
    public string Date { get; set; } = "2027-03-18";
    public string Start { get; set; } = "18:00";
    public string End { get; set; } = "20:00";
    public string Frequency { get; set; } = "Weekly";
    public string Until { get; set; } = string.Empty;
    public string Count { get; set; } = string.Empty;
    public bool DropIn { get; set; } = true;
    public string Capacity { get; set; } = string.Empty;
    public string Price { get; set; } = string.Empty;
    public string Languages { get; set; } = "norsk";
    public string Contact { get; set; } = "post@eksempel.no";
    public bool Rusfri { get; set; } = true;
    public string Intent { get; set; } = "publish";

    public async Task<List<KeyValuePair<string, string>>> FieldsAsync(FrivilligApp app)
    {
        var districtId = await app.DbAsync(db => db.Districts.Where(d => d.Slug == District).Select(d => d.Id).SingleAsync());
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Title", Title), new("Input.Summary", Summary), new("Input.Description", Description),
            new("Input.Category", Category), new("Input.DistrictId", districtId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.Place", Place), new("Input.Date", Date), new("Input.StartTime", Start), new("Input.EndTime", End),
            new("Input.Frequency", Frequency), new("Input.Until", Until), new("Input.Count", Count),
            new("Input.IsDropIn", DropIn ? "true" : "false"), new("Input.Capacity", Capacity), new("Input.PriceNok", Price),
            new("Input.Languages", Languages), new("Input.Contact", Contact), new("intent", Intent),
        };
        fields.AddRange(Targets.Select(t => new KeyValuePair<string, string>("Input.TargetGroups", t)));
        if (Rusfri)
        {
            fields.Add(new("Input.Rusfri", "true"));
        }

        return fields;
    }
}
