namespace Frivillig.Web.Features.Activities;

/// <summary>Display names; the strings are resource keys.</summary>
public static class ActivityLabels
{
    public static string Label(ActivityStatus status) => status switch
    {
        ActivityStatus.Published => "Publisert",
        ActivityStatus.Cancelled => "Avlyst",
        _ => "Utkast",
    };
}
