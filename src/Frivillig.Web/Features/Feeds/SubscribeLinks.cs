namespace Frivillig.Web.Features.Feeds;

/// <summary>Links that let a calendar program subscribe to a feed: webcal:// for most, and Google Calendar's add-by-URL.</summary>
public sealed record SubscribeLinks(string Https, string Webcal, string Google)
{
    public static SubscribeLinks For(LinkBuilder links, string feedPath)
    {
        var https = links.Absolute(feedPath);
        var webcal = "webcal://" + https[(https.IndexOf("://", StringComparison.Ordinal) + 3)..];
        return new SubscribeLinks(https, webcal, "https://calendar.google.com/calendar/r?cid=" + Uri.EscapeDataString(webcal));
    }
}
