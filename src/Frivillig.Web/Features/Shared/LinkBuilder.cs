using Microsoft.Extensions.Options;

namespace Frivillig.Web;

/// <summary>Absolute links for e-mail and feeds: the configured public base URL, else the request's own.</summary>
public sealed class LinkBuilder(IOptions<FrivilligOptions> options, IHttpContextAccessor accessor)
{
    public string Absolute(string pathAndQuery)
    {
        var configured = options.Value.PublicBaseUrl;
        string baseUrl;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            baseUrl = configured.TrimEnd('/');
        }
        else if (accessor.HttpContext?.Request is { } request)
        {
            baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
        else
        {
            baseUrl = "http://localhost:5000";
        }

        return baseUrl + (pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery);
    }
}
