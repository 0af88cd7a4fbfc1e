using Frivillig.Model.Events;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Frivillig.Model.Volunteering;

public enum RoleStatus
{
    Draft,
    Open,
    Closed,
}

[Flags]
public enum TimeOfDay
{
    None = 0,
    Morning = 1,
    Afternoon = 2,
    Evening = 4,
}

/// <summary>What a coordinator writes when making or changing a role; the role checks it.</summary>
public sealed record RoleDetails(
    string Title,
    string Description,
    string TaskKind,
    int? ActivityId,
    int? DistrictId,
    string? Place,
    IReadOnlyList<string> MayDo,
    IReadOnlyList<string> MayNotDo,
    string ContactName,
    string ContactEmail,
    string StaffNames,
    IReadOnlyList<string> StaffEmails,
    string ExpectedTime,
    IReadOnlyList<string> RequiredModules,
    bool NeedsDeclaration,
    bool InvolvesTrust,
    string? Languages,
    IReadOnlyList<DayOfWeek> Days,
    TimeOfDay TimesOfDay);

/// <summary>
/// A volunteer role in an organisation: what the volunteer does and, as clearly, does not do; who to
/// contact; the staff who work with the volunteer; and the requirements (training modules, a signed
/// declaration, a politiattest when the role involves trust towards minors or people with
/// intellectual disabilities). Both lists are required: a role without them is refused.
/// </summary>
public sealed class VolunteerRole : EventSource, ITenantOwned
{
    public const int TitleMaxLength = 120;
    public const int DescriptionMaxLength = 4000;
    public const int ListItemMaxLength = 300;
    public const int ListMaxItems = 20;
    public const int MaxStaff = 5;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int OrganisationId { get; private set; }
    public Organisation? Organisation { get; set; }
    public int? ActivityId { get; private set; }
    public Activity? Activity { get; set; }
    public int? DistrictId { get; private set; }
    public District? District { get; set; }
    public string Title { get; private set; } = string.Empty;
    public string Description { get; private set; } = string.Empty;
    public string TaskKind { get; private set; } = string.Empty;
    public string? Place { get; private set; }

    /// <summary>One item per line.</summary>
    public string MayDoText { get; private set; } = string.Empty;
    public string MayNotDoText { get; private set; } = string.Empty;
    public string ContactName { get; private set; } = string.Empty;
    public string ContactEmail { get; private set; } = string.Empty;
    /// <summary>The staff who work with the volunteer, as the coordinator names them.</summary>
    public string StaffNames { get; private set; } = string.Empty;

    /// <summary>Their addresses, one per line: each is told who is coming before the first shift.</summary>
    public string StaffEmailsText { get; private set; } = string.Empty;
    public string ExpectedTime { get; private set; } = string.Empty;

    /// <summary>Training module slugs wrapped in commas (",rollen-som-frivillig,").</summary>
    public string RequiredModulesText { get; private set; } = ",";
    public bool NeedsDeclaration { get; private set; }
    public bool InvolvesTrust { get; private set; }
    public string? Languages { get; private set; }

    /// <summary>Weekdays wrapped in commas (",1,3,"; Sunday is 0).</summary>
    public string DaysText { get; private set; } = ",";
    public TimeOfDay TimesOfDay { get; private set; }
    public RoleStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? OpenedAt { get; private set; }

    public IReadOnlyList<string> MayDo => Lines(MayDoText);
    public IReadOnlyList<string> StaffEmails => Lines(StaffEmailsText);
    public IReadOnlyList<string> MayNotDo => Lines(MayNotDoText);
    public IReadOnlyList<string> RequiredModules => RequiredModulesText.Split(',', StringSplitOptions.RemoveEmptyEntries);
    public IReadOnlyList<DayOfWeek> Days => [.. DaysText.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => (DayOfWeek)int.Parse(d, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>Politiattest (politiregisterforskriften § 34-1) is asked for only when the role involves such trust.</summary>
    public bool NeedsPolitiattest => InvolvesTrust;

    public bool IsOpen => Status == RoleStatus.Open;

    public RoleDetails Details => new(Title, Description, TaskKind, ActivityId, DistrictId, Place, MayDo, MayNotDo, ContactName, ContactEmail, StaffNames, StaffEmails,
        ExpectedTime, RequiredModules, NeedsDeclaration, InvolvesTrust, Languages, Days, TimesOfDay);

    public static VolunteerRole Draft(int organisationId, RoleDetails details, DateTimeOffset now)
    {
        var role = new VolunteerRole { OrganisationId = organisationId, CreatedAt = now, Status = RoleStatus.Draft };
        role.Apply(details, now);
        return role;
    }

    public void Edit(RoleDetails details, DateTimeOffset now)
    {
        Apply(details, now);
        if (IsOpen)
        {
            Raise(new RoleChanged(this));
        }
    }

    /// <summary>Open for volunteers to find and apply; those who asked to be told of a fitting role are.</summary>
    public void Open(DateTimeOffset now)
    {
        if (Status == RoleStatus.Open)
        {
            return;
        }

        var first = OpenedAt is null;
        Status = RoleStatus.Open;
        OpenedAt ??= now;
        UpdatedAt = now;
        Raise(first ? new RoleOpened(this) : new RoleChanged(this));
    }

    public void Close(DateTimeOffset now)
    {
        Status = RoleStatus.Closed;
        UpdatedAt = now;
        Raise(new RoleChanged(this));
    }

    private void Apply(RoleDetails d, DateTimeOffset now)
    {
        Check(d);
        Title = d.Title.Trim();
        Description = d.Description.Trim();
        TaskKind = d.TaskKind.Trim();
        ActivityId = d.ActivityId;
        DistrictId = d.DistrictId;
        Place = string.IsNullOrWhiteSpace(d.Place) ? null : d.Place.Trim();
        MayDoText = JoinLines(d.MayDo);
        MayNotDoText = JoinLines(d.MayNotDo);
        ContactName = d.ContactName.Trim();
        ContactEmail = d.ContactEmail.Trim();
        StaffNames = d.StaffNames.Trim();
        StaffEmailsText = JoinLines(d.StaffEmails);
        ExpectedTime = d.ExpectedTime.Trim();
        RequiredModulesText = "," + string.Join(',', d.RequiredModules.Select(m => m.Trim()).Where(m => m.Length > 0).Distinct(StringComparer.Ordinal)) + ",";
        NeedsDeclaration = d.NeedsDeclaration;
        InvolvesTrust = d.InvolvesTrust;
        Languages = string.IsNullOrWhiteSpace(d.Languages) ? null : d.Languages.Trim();
        DaysText = "," + string.Join(',', d.Days.Distinct().Order().Select(x => ((int)x).ToString(System.Globalization.CultureInfo.InvariantCulture))) + ",";
        TimesOfDay = d.TimesOfDay;
        UpdatedAt = now;
    }

    /// <summary>The rules a role keeps whoever makes it: a title, a description, both lists, a contact and the staff.</summary>
    public static void Check(RoleDetails d)
    {
        if (string.IsNullOrWhiteSpace(d.Title) || string.IsNullOrWhiteSpace(d.Description))
        {
            throw new ArgumentException("A role has a title and a description.");
        }

        if (Clean(d.MayDo).Count == 0 || Clean(d.MayNotDo).Count == 0)
        {
            throw new ArgumentException("A role says both what the volunteer does and what the volunteer does not do.");
        }

        if (Clean(d.MayDo).Count > ListMaxItems || Clean(d.MayNotDo).Count > ListMaxItems)
        {
            throw new ArgumentException($"At most {ListMaxItems} points in each list.");
        }

        if (string.IsNullOrWhiteSpace(d.ContactName) || string.IsNullOrWhiteSpace(d.ContactEmail) || string.IsNullOrWhiteSpace(d.StaffNames) || Clean(d.StaffEmails).Count is 0 or > MaxStaff)
        {
            throw new ArgumentException("A role names its contact person and the staff who work with the volunteer.");
        }

        if (d.ActivityId is null && d.DistrictId is null)
        {
            throw new ArgumentException("A role belongs to an activity or a place in a district.");
        }
    }

    public static IReadOnlyList<string> Clean(IEnumerable<string> items) =>
        [.. items.Select(i => i.Trim()).Where(i => i.Length > 0)];

    private static string JoinLines(IEnumerable<string> items) => string.Join('\n', Clean(items));

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>A role opened for the first time: volunteers who asked to be told of a fitting role are.</summary>
public sealed record RoleOpened(VolunteerRole Role) : IDomainEvent;

/// <summary>An open role changed, closed or reopened: live pages redraw.</summary>
public sealed record RoleChanged(VolunteerRole Role) : IDomainEvent;

internal sealed class VolunteerRoleConfiguration : IEntityTypeConfiguration<VolunteerRole>
{
    public void Configure(EntityTypeBuilder<VolunteerRole> builder)
    {
        builder.Ignore(r => r.PendingEvents);
        builder.Property(r => r.Title).HasMaxLength(VolunteerRole.TitleMaxLength);
        builder.Property(r => r.Description).HasMaxLength(VolunteerRole.DescriptionMaxLength);
        builder.Property(r => r.TaskKind).HasMaxLength(40);
        builder.Property(r => r.Place).HasMaxLength(200);
        builder.Property(r => r.MayDoText).HasMaxLength(7000);
        builder.Property(r => r.MayNotDoText).HasMaxLength(7000);
        builder.Property(r => r.ContactName).HasMaxLength(100);
        builder.Property(r => r.ContactEmail).HasMaxLength(254);
        builder.Property(r => r.StaffNames).HasMaxLength(200);
        builder.Property(r => r.StaffEmailsText).HasMaxLength(1300);
        builder.Property(r => r.ExpectedTime).HasMaxLength(200);
        builder.Property(r => r.RequiredModulesText).HasMaxLength(400);
        builder.Property(r => r.Languages).HasMaxLength(200);
        builder.Property(r => r.DaysText).HasMaxLength(40);
        builder.Property(r => r.TimesOfDay).HasConversion<int>();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasAlternateKey(r => new { r.MunicipalityId, r.Id });
        builder.HasIndex(r => new { r.MunicipalityId, r.Status });
        builder.HasOne(r => r.Organisation).WithMany().HasForeignKey(r => new { r.MunicipalityId, r.OrganisationId })
            .HasPrincipalKey(o => new { o.MunicipalityId, o.Id }).OnDelete(DeleteBehavior.Restrict);
        // The activity is referenced from here; its own table is not touched.
        builder.HasOne(r => r.Activity).WithMany().HasForeignKey(r => new { r.MunicipalityId, r.ActivityId })
            .HasPrincipalKey(a => new { a.MunicipalityId, a.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.District).WithMany().HasForeignKey(r => new { r.MunicipalityId, r.DistrictId })
            .HasPrincipalKey(d => new { d.MunicipalityId, d.Id }).OnDelete(DeleteBehavior.Restrict);
    }
}
