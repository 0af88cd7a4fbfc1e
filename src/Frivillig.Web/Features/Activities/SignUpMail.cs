using System.Globalization;

namespace Frivillig.Web.Features.Activities;

internal static class SignUpMail
{
    public static Dictionary<string, string?> Values(SignUp signUp, Activity activity, TimeZoneInfo zone, LinkBuilder links, string? token, string municipalitySlug)
    {
        var nb = CultureInfo.GetCultureInfo("nb-NO");
        var when = signUp.OccurrenceStart is { } start
            ? TimeZoneInfo.ConvertTime(start, zone).ToString("dddd d. MMMM yyyy 'kl.' HH:mm", nb)
            : $"hele serien, fra {TimeZoneInfo.ConvertTime(activity.StartsAt, zone).ToString("dddd d. MMMM 'kl.' HH:mm", nb)}";
        return new Dictionary<string, string?>
        {
            ["Name"] = signUp.Name,
            ["ActivityTitle"] = activity.Title,
            ["When"] = when,
            ["Place"] = activity.Place,
            ["ActivityUrl"] = links.Absolute($"/{municipalitySlug}/aktiviteter/{activity.Id}"),
            ["CancelUrl"] = token is null ? null : links.Absolute($"/{municipalitySlug}/pamelding/{token}"),
        };
    }
}
