using Frivillig.Web.Auth;
using Frivillig.Web.Content;
using Frivillig.Web.Features.Activities;
using Frivillig.Web.Features.Feeds;
using Frivillig.Web.Features.Municipalities;
using Frivillig.Web.Features.Organisations;
using Frivillig.Web.Hosting;

// A published app started from another folder still finds its wwwroot, appsettings.json and App_Data
// beside itself; started from its own folder (dotnet run, or cd into the output), nothing changes.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json")) ? null : AppContext.BaseDirectory,
});

builder.AddFrivilligOptions();
builder.AddData();
builder.AddAccounts();
builder.AddOpenIdConnectProvider();
builder.AddEmail();
builder.AddWeb();

var app = builder.Build();

await app.MigrateAndLoadContentAsync();

app.UseFrivilligPipeline();
app.MapFrivilligEndpoints();
app.MapMunicipalitiesApi();
app.MapOrganisationsApi();
app.MapActivitiesApi();
app.MapFeeds();
app.MapOpenIdConnect();

app.Run();

/// <summary>Visible to the test projects' WebApplicationFactory.</summary>
public partial class Program;
