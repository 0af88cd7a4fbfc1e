using Frivillig.Web.Tenancy;

namespace Frivillig.Web.Features.Organisations;

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

public sealed class Organisation : ITenantOwned
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
    public ApprovalStatus Status { get; set; }
    public string? DecisionNote { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedByUserId { get; set; }
    public List<OrganisationDistrict> Districts { get; set; } = [];
    public List<OrganisationMembership> Members { get; set; } = [];

    public bool CanAct => Status == ApprovalStatus.Approved;
}

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
