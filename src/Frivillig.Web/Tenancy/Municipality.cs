namespace Frivillig.Web.Tenancy;

/// <summary>The tenant. Everything else a municipality runs hangs off it.</summary>
public sealed class Municipality
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string TimeZoneId { get; set; } = "Europe/Oslo";
    public string? Description { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<District> Districts { get; set; } = [];
}

public enum DistrictKind
{
    Bydel,
    Distriktssenter,
}

public sealed class District : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public DistrictKind Kind { get; set; }
}
