using Frivillig.Model.Events;
using Microsoft.EntityFrameworkCore.Metadata.Builders;


namespace Frivillig.Model.Organisations;

public enum OrganisationKind
{
    Kommune,
    Frivillig,
    Ideell,
    Brukerorganisasjon,
    LagOgForening,
    SosialEntreprenor,
}

public enum ApprovalStatus
{
    Pending,
    Approved,
    Rejected,
}

public enum OrganisationRole
{
    Member,
    Coordinator,
    Admin,
}

/// <summary>
/// An organisation in a municipality. It registers as pending, and the municipality approves or
/// rejects it through its own methods, once; only an approved organisation publishes and books.
/// </summary>
public sealed class Organisation : EventSource, ITenantOwned
{
    public const int NameMaxLength = 120;
    public const int DescriptionMaxLength = 2000;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public OrganisationKind Kind { get; set; }
    public string? OrganisationNumber { get; set; }
    public string? Description { get; set; }
    public required string ContactName { get; set; }
    public required string ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public string? Website { get; set; }

    /// <summary>Where the organisation is, when it has a place of its own.</summary>
    public string? StreetAddress { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }

    public int? PictureId { get; private set; }
    public string? PictureAlt { get; private set; }

    public PostalAddress? Address => PostalAddress.From(StreetAddress, PostalCode, City);
    public ApprovalStatus Status { get; private set; }
    public string? DecisionNote { get; private set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedByUserId { get; private set; }
    public List<OrganisationDistrict> Districts { get; set; } = [];
    public List<OrganisationMembership> Members { get; set; } = [];

    public bool CanAct => Status == ApprovalStatus.Approved;

    public bool IsPending => Status == ApprovalStatus.Pending;

    /// <summary>A picture with its text alternative, or none (both null). A picture without a text alternative is refused.</summary>
    public void SetPicture(int? pictureId, string? alt)
    {
        if (pictureId is not null && string.IsNullOrWhiteSpace(alt))
        {
            throw new ArgumentException("A picture needs a text alternative.", nameof(alt));
        }

        PictureId = pictureId;
        PictureAlt = pictureId is null ? null : alt!.Trim();
    }

    public void Approve(string decidedBy, DateTimeOffset now) => Decide(ApprovalStatus.Approved, decidedBy, null, now);

    /// <summary>Refused with the reason the organisation is told; a rejection without one is not allowed.</summary>
    public void Reject(string decidedBy, string reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A rejection gives its reason.", nameof(reason));
        }

        Decide(ApprovalStatus.Rejected, decidedBy, reason.Trim(), now);
    }

    /// <summary>
    /// The kind "Kommune" speaks for the municipality itself, so only the municipality gives it; an
    /// organisation registering cannot claim it.
    /// </summary>
    public static bool KindNeedsMunicipality(OrganisationKind kind) => kind == OrganisationKind.Kommune;

    private void Decide(ApprovalStatus decision, string decidedBy, string? note, DateTimeOffset now)
    {
        if (!IsPending)
        {
            throw new InvalidOperationException("An organisation is approved or rejected once.");
        }

        Status = decision;
        DecisionNote = note;
        DecidedAt = now;
        DecidedByUserId = decidedBy;
        Raise(decision == ApprovalStatus.Approved ? new OrganisationApproved(this) : new OrganisationRejected(this));
    }
}

public sealed record OrganisationApproved(Organisation Organisation) : IDomainEvent;

public sealed record OrganisationRejected(Organisation Organisation) : IDomainEvent;

public sealed class OrganisationDistrict : ITenantOwned
{
    public int MunicipalityId { get; set; }
    public int OrganisationId { get; set; }
    public int DistrictId { get; set; }
    public District? District { get; set; }
}

public sealed class OrganisationMembership : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required string UserId { get; set; }
    public OrganisationRole Role { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
}

public sealed class Invitation : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required string Email { get; set; }
    public OrganisationRole Role { get; set; }

    /// <summary>SHA-256 of the token in the link; the token itself is only ever in the e-mail.</summary>
    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public required string InvitedByUserId { get; set; }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.HasOne<Municipality>().WithMany().HasForeignKey(o => o.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(o => o.Slug).HasMaxLength(80);
        builder.HasIndex(o => new { o.MunicipalityId, o.Slug }).IsUnique();
        builder.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.OrganisationNumber).HasMaxLength(9);
        builder.HasIndex(o => new { o.MunicipalityId, o.OrganisationNumber }).IsUnique();
        builder.Property(o => o.Description).HasMaxLength(Organisation.DescriptionMaxLength);
        builder.Property(o => o.ContactName).HasMaxLength(100);
        builder.Property(o => o.ContactEmail).HasMaxLength(254);
        builder.Property(o => o.ContactPhone).HasMaxLength(30);
        builder.Property(o => o.Website).HasMaxLength(300);
        builder.Property(o => o.DecisionNote).HasMaxLength(1000);
        builder.Property(o => o.StreetAddress).HasMaxLength(PostalAddress.StreetMaxLength);
        builder.Property(o => o.PostalCode).HasMaxLength(4);
        builder.Property(o => o.City).HasMaxLength(PostalAddress.CityMaxLength);
        builder.Property(o => o.PictureAlt).HasMaxLength(300);
        builder.HasOne<Picture>().WithMany().HasForeignKey(o => new { o.MunicipalityId, o.PictureId })
            .HasPrincipalKey(p => new { p.MunicipalityId, p.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.Property(o => o.DecidedByUserId).HasMaxLength(450);
        builder.Ignore(o => o.PendingEvents);
        builder.HasAlternateKey(o => new { o.MunicipalityId, o.Id });
        // Rows that belong to an organisation carry its municipality, so they cannot cross to another one.
        builder.HasMany(o => o.Districts).WithOne().HasForeignKey(d => new { d.MunicipalityId, d.OrganisationId }).HasPrincipalKey(o => new { o.MunicipalityId, o.Id });
        builder.HasMany(o => o.Members).WithOne(m => m.Organisation).HasForeignKey(m => new { m.MunicipalityId, m.OrganisationId }).HasPrincipalKey(o => new { o.MunicipalityId, o.Id });
    }
}

internal sealed class OrganisationDistrictConfiguration : IEntityTypeConfiguration<OrganisationDistrict>
{
    public void Configure(EntityTypeBuilder<OrganisationDistrict> builder)
    {
        builder.HasKey(d => new { d.OrganisationId, d.DistrictId });
        builder.HasOne(d => d.District).WithMany().HasForeignKey(d => new { d.MunicipalityId, d.DistrictId })
            .HasPrincipalKey(d => new { d.MunicipalityId, d.Id }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrganisationMembershipConfiguration : IEntityTypeConfiguration<OrganisationMembership>
{
    public void Configure(EntityTypeBuilder<OrganisationMembership> builder)
    {
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.OrganisationId, m.UserId }).IsUnique();
        builder.HasIndex(m => m.UserId);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.Email).HasMaxLength(254);
        builder.Property(i => i.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.Property(i => i.InvitedByUserId).HasMaxLength(450);
        builder.HasOne(i => i.Organisation).WithMany().HasForeignKey(i => new { i.MunicipalityId, i.OrganisationId })
            .HasPrincipalKey(o => new { o.MunicipalityId, o.Id }).OnDelete(DeleteBehavior.Cascade);
    }
}
