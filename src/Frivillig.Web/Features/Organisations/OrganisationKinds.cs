namespace Frivillig.Web.Features.Organisations;

/// <summary>Display names of the kinds and roles; the strings are resource keys.</summary>
public static class OrganisationKinds
{
    public static string Label(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Kommune => "Kommune",
        OrganisationKind.Frivillig => "Frivillig organisasjon",
        OrganisationKind.Ideell => "Ideell organisasjon",
        OrganisationKind.Brukerorganisasjon => "Brukerorganisasjon",
        OrganisationKind.LagOgForening => "Lag og forening",
        OrganisationKind.SosialEntreprenor => "Sosial entreprenør",
        _ => kind.ToString(),
    };

    public static string Label(OrganisationRole role) => role switch
    {
        OrganisationRole.Admin => "administrator",
        OrganisationRole.Coordinator => "koordinator",
        _ => "medlem",
    };

    public static string Label(ApprovalStatus status) => status switch
    {
        ApprovalStatus.Approved => "Godkjent",
        ApprovalStatus.Rejected => "Avslått",
        _ => "Venter på godkjenning",
    };
}
