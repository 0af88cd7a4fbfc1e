using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Frivillig.Web;

/// <summary>
/// Absolute links for e-mail and feeds: the configured public base URL, else the address the server
/// listens on. Never the request's Host header: anyone can send any Host, and a password-reset link
/// built from it would lead to the sender's site.
/// </summary>
public sealed class LinkBuilder(IOptions<FrivilligOptions> options, IServer server)
{
    public string Absolute(string pathAndQuery)
    {
        var configured = options.Value.PublicBaseUrl;
        var baseUrl = !string.IsNullOrWhiteSpace(configured) ? configured.TrimEnd('/') : ListeningAddress();
        return baseUrl + (pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery);
    }

    private string ListeningAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
        // Kestrel reports wildcard bindings as they were given; a link needs a host name.
        return address.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal).TrimEnd('/');
    }
}
