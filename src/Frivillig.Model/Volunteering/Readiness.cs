using Frivillig.Model.Events;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Frivillig.Model.Volunteering;

/// <summary>
/// A person as a volunteer in one municipality: how to reach them, their languages, skills, districts
/// and when they can help, and whether they want to be told when a fitting role opens.
/// </summary>
public sealed class VolunteerProfile : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string UserId { get; set; }
    public string? Phone { get; set; }
    public string? Languages { get; set; }
    public string? Skills { get; set; }

    /// <summary>District slugs wrapped in commas.</summary>
    public string Districts { get; set; } = ",";

    /// <summary>Weekdays wrapped in commas (Sunday is 0).</summary>
    public string Days { get; set; } = ",";
    public TimeOfDay TimesOfDay { get; set; }
    public string? Availability { get; set; }
    public bool NotifyOnNewRoles { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<string> DistrictSlugs => Districts.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<DayOfWeek> DayList => [.. Days.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => (DayOfWeek)int.Parse(d, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>A role fits when it is in one of the person's districts (or they named none) and on a day and time they can (or they named none).</summary>
    public bool Fits(VolunteerRole role, string? roleDistrictSlug)
    {
        var districts = DistrictSlugs;
        var days = DayList;
        return (districts.Count == 0 || (roleDistrictSlug is not null && districts.Contains(roleDistrictSlug)))
            && (days.Count == 0 || role.Days.Count == 0 || role.Days.Any(days.Contains))
            && (TimesOfDay == TimeOfDay.None || role.TimesOfDay == TimeOfDay.None || (role.TimesOfDay & TimesOfDay) != 0);
    }
}

/// <summary>A training module passed (its quiz answered right), at the version it had then.</summary>
public sealed class TrainingCompletion : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string UserId { get; set; }
    public required string ModuleSlug { get; set; }
    public int Version { get; set; }
    public DateTimeOffset CompletedAt { get; set; }
}

/// <summary>
/// The confidentiality declaration (taushetserklæring) signed in the app: which version, when, and
/// the role or the whole organisation it covers.
/// </summary>
public sealed class DeclarationSignature : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string UserId { get; set; }
    public int OrganisationId { get; set; }

    /// <summary>Null when it covers the whole organisation.</summary>
    public int? RoleId { get; set; }
    public int Version { get; set; }
    public DateTimeOffset SignedAt { get; set; }
    public required string SignedName { get; set; }

    public bool Covers(VolunteerRole role, int currentVersion) =>
        Version == currentVersion && OrganisationId == role.OrganisationId && (RoleId is null || RoleId == role.Id);
}

/// <summary>
/// That a politiattest was shown to the organisation: the date and who saw it, and nothing else. The
/// certificate itself is never stored, and it is not asked for again periodically.
/// </summary>
public sealed class PolitiattestShown : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string UserId { get; set; }
    public int OrganisationId { get; set; }
    public DateOnly ShownOn { get; set; }
    public required string SeenByUserId { get; set; }
    public required string SeenByName { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

public enum ApplicationStatus
{
    Applied,
    Approved,
    Declined,
    Withdrawn,
}

/// <summary>A volunteer's application for a role; the coordinator approves it once the requirements are met.</summary>
public sealed class RoleApplication : EventSource, ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int RoleId { get; private set; }
    public VolunteerRole? Role { get; set; }
    public string? UserId { get; private set; }
    public string? Message { get; private set; }
    public ApplicationStatus Status { get; private set; }
    public DateTimeOffset AppliedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedByUserId { get; private set; }

    /// <summary>When the staff who work with the volunteer were told who is coming (before the first shift).</summary>
    public DateTimeOffset? StaffToldAt { get; private set; }

    public bool IsApproved => Status == ApplicationStatus.Approved;

    public static RoleApplication Apply(VolunteerRole role, string userId, string? message, DateTimeOffset now)
    {
        if (!role.IsOpen)
        {
            throw new InvalidOperationException("Only an open role takes applications.");
        }

        var application = new RoleApplication
        {
            MunicipalityId = role.MunicipalityId, RoleId = role.Id, UserId = userId, Message = string.IsNullOrWhiteSpace(message) ? null : message.Trim(),
            Status = ApplicationStatus.Applied, AppliedAt = now,
        };
        application.Raise(new ApplicationReceived(application));
        return application;
    }

    /// <summary>Approved only when nothing is missing: the caller passes what <see cref="Readiness"/> found.</summary>
    public void Approve(IReadOnlyList<Missing> missing, string decidedBy, DateTimeOffset now)
    {
        if (Status != ApplicationStatus.Applied)
        {
            throw new InvalidOperationException("Only a pending application is approved.");
        }

        if (missing.Count > 0)
        {
            throw new InvalidOperationException("An application is approved only when the requirements are met.");
        }

        Status = ApplicationStatus.Approved;
        DecidedAt = now;
        DecidedByUserId = decidedBy;
        Raise(new ApplicationApproved(this));
    }

    public void Decline(string decidedBy, DateTimeOffset now)
    {
        if (Status != ApplicationStatus.Applied)
        {
            throw new InvalidOperationException("Only a pending application is declined.");
        }

        Status = ApplicationStatus.Declined;
        DecidedAt = now;
        DecidedByUserId = decidedBy;
    }

    public void Withdraw(DateTimeOffset now)
    {
        Status = ApplicationStatus.Withdrawn;
        DecidedAt = now;
    }

    public void StaffTold(DateTimeOffset now) => StaffToldAt ??= now;

    /// <summary>The person deleted their account: the application stays as a count, without them.</summary>
    public void Anonymise()
    {
        UserId = null;
        Message = null;
    }
}

public sealed record ApplicationReceived(RoleApplication Application) : IDomainEvent;

public sealed record ApplicationApproved(RoleApplication Application) : IDomainEvent;

public enum MissingKind
{
    Training,
    Declaration,
    Politiattest,
}

/// <summary>One requirement of a role a volunteer has not met yet; <see cref="Module"/> names the training.</summary>
public sealed record Missing(MissingKind Kind, string? Module = null);

/// <summary>
/// What a volunteer still lacks for a role: each required module at its current version (a new
/// version asks again), the current declaration covering the role, and a politiattest shown to the
/// organisation when the role involves trust. A plain rule, no I/O.
/// </summary>
public static class Readiness
{
    public static IReadOnlyList<Missing> For(VolunteerRole role, IReadOnlyDictionary<string, int> currentModuleVersions, IEnumerable<TrainingCompletion> completions,
        int currentDeclarationVersion, IEnumerable<DeclarationSignature> signatures, IEnumerable<PolitiattestShown> politiattester)
    {
        var missing = new List<Missing>();
        var done = completions.ToList();
        foreach (var module in role.RequiredModules)
        {
            var version = currentModuleVersions.GetValueOrDefault(module, 1);
            if (!done.Any(c => c.ModuleSlug == module && c.Version >= version))
            {
                missing.Add(new Missing(MissingKind.Training, module));
            }
        }

        if (role.NeedsDeclaration && !signatures.Any(s => s.Covers(role, currentDeclarationVersion)))
        {
            missing.Add(new Missing(MissingKind.Declaration));
        }

        if (role.NeedsPolitiattest && !politiattester.Any(p => p.OrganisationId == role.OrganisationId))
        {
            missing.Add(new Missing(MissingKind.Politiattest));
        }

        return missing;
    }

    /// <summary>The briefing's shared level needs the declaration and the training only; the politiattest is about meeting people, not reading.</summary>
    public static bool MayReadBriefing(IReadOnlyList<Missing> missing) => missing.All(m => m.Kind == MissingKind.Politiattest);
}

internal sealed class VolunteerProfileConfiguration : IEntityTypeConfiguration<VolunteerProfile>
{
    public void Configure(EntityTypeBuilder<VolunteerProfile> builder)
    {
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(p => p.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.MunicipalityId, p.UserId }).IsUnique();
        builder.Property(p => p.Phone).HasMaxLength(30);
        builder.Property(p => p.Languages).HasMaxLength(200);
        builder.Property(p => p.Skills).HasMaxLength(1000);
        builder.Property(p => p.Districts).HasMaxLength(1000);
        builder.Property(p => p.Days).HasMaxLength(40);
        builder.Property(p => p.TimesOfDay).HasConversion<int>();
        builder.Property(p => p.Availability).HasMaxLength(500);
    }
}

internal sealed class TrainingCompletionConfiguration : IEntityTypeConfiguration<TrainingCompletion>
{
    public void Configure(EntityTypeBuilder<TrainingCompletion> builder)
    {
        builder.Property(c => c.UserId).HasMaxLength(450);
        builder.Property(c => c.ModuleSlug).HasMaxLength(80);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(c => c.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.MunicipalityId, c.UserId, c.ModuleSlug, c.Version }).IsUnique();
    }
}

internal sealed class DeclarationSignatureConfiguration : IEntityTypeConfiguration<DeclarationSignature>
{
    public void Configure(EntityTypeBuilder<DeclarationSignature> builder)
    {
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.Property(s => s.SignedName).HasMaxLength(AppUser.DisplayNameMaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => new { s.MunicipalityId, s.OrganisationId })
            .HasPrincipalKey(o => new { o.MunicipalityId, o.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<VolunteerRole>().WithMany().HasForeignKey(s => new { s.MunicipalityId, s.RoleId })
            .HasPrincipalKey(r => new { r.MunicipalityId, r.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.UserId, s.OrganisationId });
    }
}

internal sealed class PolitiattestShownConfiguration : IEntityTypeConfiguration<PolitiattestShown>
{
    public void Configure(EntityTypeBuilder<PolitiattestShown> builder)
    {
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.Property(p => p.SeenByUserId).HasMaxLength(450);
        builder.Property(p => p.SeenByName).HasMaxLength(AppUser.DisplayNameMaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => new { p.MunicipalityId, p.OrganisationId })
            .HasPrincipalKey(o => new { o.MunicipalityId, o.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.OrganisationId, p.UserId }).IsUnique();
    }
}

internal sealed class RoleApplicationConfiguration : IEntityTypeConfiguration<RoleApplication>
{
    public void Configure(EntityTypeBuilder<RoleApplication> builder)
    {
        builder.Ignore(a => a.PendingEvents);
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.DecidedByUserId).HasMaxLength(450);
        builder.Property(a => a.Message).HasMaxLength(1000);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(a => a.Role).WithMany().HasForeignKey(a => new { a.MunicipalityId, a.RoleId })
            .HasPrincipalKey(r => new { r.MunicipalityId, r.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => new { a.RoleId, a.UserId });
    }
}
