namespace Frivillig.Model.Tenancy;

/// <summary>
/// Every row a municipality owns. The DbContext filters reads by it and refuses writes that
/// cross it, so a handler cannot forget either.
/// </summary>
public interface ITenantOwned
{
    int MunicipalityId { get; set; }
}
