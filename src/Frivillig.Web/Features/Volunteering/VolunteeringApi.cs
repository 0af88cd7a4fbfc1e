using Frivillig.Model.Volunteering;
using Frivillig.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Volunteering;

public static class VolunteeringApi
{
    public static IEndpointRouteBuilder MapVolunteeringApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/{m}/volunteer-roles", ListOpenAsync).WithTags("Frivillige")
            .WithName("ListVolunteerRoles").WithSummary("Åpne frivilligroller i kommunen, med hva den frivillige gjør og ikke gjør, opplæring og krav")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public sealed record TrainingDto(string Slug, string Title, int Version);

    public sealed record RequirementsDto(bool ConfidentialityDeclaration, bool Politiattest, IReadOnlyList<TrainingDto> Training);

    public sealed record VolunteerRoleDto(int Id, string Title, string Description, string TaskKind, string Organisation, string? District, int? ActivityId, string? Place,
        IReadOnlyList<string> MayDo, IReadOnlyList<string> MayNotDo, string ContactName, string ExpectedTime, string? Languages,
        IReadOnlyList<string> Days, IReadOnlyList<string> TimesOfDay, IReadOnlyList<TrainingDto> Training, RequirementsDto Requirements, string Url);

    /// <summary>Open roles; the same filters as the page. A filter value that is not one the page offers is a 400, as problem+json.</summary>
    private static async Task<Results<Ok<List<VolunteerRoleDto>>, ProblemHttpResult>> ListOpenAsync(FrivilligDbContext db, VolunteerContent content, LinkBuilder links,
        string? district = null, string? kind = null, string? language = null, string? day = null, string? time = null, CancellationToken ct = default)
    {
        if (!RoleFilter.TryParse(district, kind, language, day, time, out var filter, out var error))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Ugyldig filter", detail: error);
        }

        // A district the municipality does not have is a bad filter too, not an empty list.
        if (filter.District is { } slugFilter && !await db.Districts.AnyAsync(d => d.Slug == slugFilter, ct))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Ugyldig filter", detail: $"Kommunen har ingen bydel eller distriktssenter «{slugFilter}».");
        }

        var slug = db.Tenant.Required.Slug;
        var roles = await filter.ApplyAsync(db, ct);
        return TypedResults.Ok(roles.Select(r =>
        {
            var training = r.Role.RequiredModules.Select(m => new TrainingDto(m, content.ModuleTitle(m), content.Modules.TryGetValue(m, out var x) ? x.Version : 1)).ToList();
            return new VolunteerRoleDto(r.Role.Id, r.Role.Title, r.Role.Description, r.Role.TaskKind, r.Organisation, r.District, r.Role.ActivityId, r.Role.Place,
                r.Role.MayDo, r.Role.MayNotDo, r.Role.ContactName, r.Role.ExpectedTime, r.Role.Languages,
                [.. r.Role.Days.Select(d => d.ToString().ToLowerInvariant())], [.. VolunteerLabels.Times.Where(t => r.Role.TimesOfDay.HasFlag(t)).Select(t => t.ToString().ToLowerInvariant())],
                training, new RequirementsDto(r.Role.NeedsDeclaration, r.Role.NeedsPolitiattest, training), links.Absolute($"/{slug}/frivillig/roller/{r.Role.Id}"));
        }).ToList());
    }
}

/// <summary>One open role as the list shows it.</summary>
public sealed record RoleRow(VolunteerRole Role, string Organisation, string? District, string? DistrictSlug);

/// <summary>The filters of /{m}/frivillig and its API: district (slug), kind of task, language (words), day, time of day.</summary>
public sealed record RoleFilter(string? District, string? Kind, string? Language, DayOfWeek? Day, TimeOfDay Time)
{
    public static bool TryParse(string? district, string? kind, string? language, string? day, string? time, out RoleFilter filter, out string? error)
    {
        filter = new RoleFilter(null, null, null, null, TimeOfDay.None);
        error = null;
        district = string.IsNullOrWhiteSpace(district) ? null : district.Trim();
        kind = string.IsNullOrWhiteSpace(kind) ? null : kind.Trim();
        language = string.IsNullOrWhiteSpace(language) ? null : language.Trim();
        if (district is not null && (district.Length > 60 || !Slugs.IsValid(district)))
        {
            error = "Ukjent bydel.";
            return false;
        }

        if (kind is not null && !VolunteerLabels.TaskKinds.Contains(kind))
        {
            error = "Ukjent type oppgave.";
            return false;
        }

        if (language is not null && (language.Length > 40 || language.Any(c => !char.IsLetter(c) && c != ' ' && c != '-')))
        {
            error = "Språk skrives med bokstaver, for eksempel «arabisk».";
            return false;
        }

        DayOfWeek? d = null;
        if (!string.IsNullOrWhiteSpace(day))
        {
            if (!Enum.TryParse<DayOfWeek>(day.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(day, out _))
            {
                error = "Dag skrives på engelsk, for eksempel «monday».";
                return false;
            }

            d = parsed;
        }

        var t = TimeOfDay.None;
        if (!string.IsNullOrWhiteSpace(time))
        {
            if (!Enum.TryParse(time.Trim(), ignoreCase: true, out t) || !VolunteerLabels.Times.Contains(t) || int.TryParse(time, out _))
            {
                error = "Tid på dagen er «morning», «afternoon» eller «evening».";
                return false;
            }
        }

        filter = new RoleFilter(district, kind, language, d, t);
        return true;
    }

    public async Task<IReadOnlyList<RoleRow>> ApplyAsync(FrivilligDbContext db, CancellationToken ct)
    {
        var query = db.VolunteerRoles.AsNoTracking().Where(r => r.Status == RoleStatus.Open && r.Organisation!.Status == ApprovalStatus.Approved);
        if (Kind is not null)
        {
            query = query.Where(r => r.TaskKind == Kind);
        }

        if (Day is { } day)
        {
            var wrapped = "," + ((int)day).ToString(System.Globalization.CultureInfo.InvariantCulture) + ",";
            query = query.Where(r => r.DaysText == "," || r.DaysText.Contains(wrapped));
        }

        var rows = await query.OrderBy(r => r.Title).ThenBy(r => r.Id)
            .Select(r => new RoleRow(r, r.Organisation!.Name,
                r.District != null ? r.District.Name : r.Activity != null ? r.Activity.District!.Name : null,
                r.District != null ? r.District.Slug : r.Activity != null ? r.Activity.District!.Slug : null))
            .ToListAsync(ct);
        // Times and languages are few and short: filtered here, the same on both databases.
        return [.. rows.Where(r => (District is null || r.DistrictSlug == District)
            && (Time == TimeOfDay.None || r.Role.TimesOfDay == TimeOfDay.None || r.Role.TimesOfDay.HasFlag(Time))
            && (Language is null || (r.Role.Languages ?? "norsk").Contains(Language, StringComparison.OrdinalIgnoreCase)))];
    }
}
