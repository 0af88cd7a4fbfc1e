using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Frivillig.Web.Hosting;

/// <summary>
/// /openapi/v1.json as generated clients need it. The municipality in the path ({m}) is resolved by
/// middleware, not bound by the handlers, so the generator does not see it: path parameters are
/// declared here from the route itself, with the 404 every municipality route can give.
/// </summary>
internal static partial class OpenApiSetup
{
    private static readonly Dictionary<string, string> PathParameters = new(StringComparer.Ordinal)
    {
        ["m"] = "Kommunens adresse, for eksempel tromso (se /api/v1/municipalities).",
        ["slug"] = "Adressen (slug) til bydelen, organisasjonen eller kategorien.",
        ["id"] = "Nummeret til aktiviteten.",
        ["ticks"] = "Datoens opprinnelige start som UTC-ticks (fra aktivitetssiden).",
        ["token"] = "Den hemmelige nøkkelen fra «Min side».",
    };

    private static readonly Dictionary<string, string> Tags = new(StringComparer.Ordinal)
    {
        ["Kommuner"] = "Kommunene på Frivillig og deres bydeler og distriktssentre.",
        ["Organisasjoner"] = "Godkjente organisasjoner i en kommune.",
        ["Aktiviteter"] = "Datoene til publiserte aktiviteter, med lokal tid og UTC-forskyvning.",
        ["Kalenderabonnement"] = "iCalendar-feeder (RFC 5545) til kalenderprogrammer.",
    };

    public static IServiceCollection AddFrivilligOpenApi(this IServiceCollection services) => services.AddOpenApi(o =>
    {
        o.AddDocumentTransformer((document, context, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Frivillig",
                Version = "v1",
                Description = "Offentlige data fra Frivillig: kommuner, bydeler, organisasjoner, aktiviteter og kalenderfeeder. Feil svarer med application/problem+json (RFC 9457).",
            };
            var configured = context.ApplicationServices.GetRequiredService<IOptions<FrivilligOptions>>().Value.PublicBaseUrl;
            if (!string.IsNullOrWhiteSpace(configured))
            {
                document.Servers = [new OpenApiServer { Url = configured.TrimEnd('/') }];
            }
            else
            {
                foreach (var server in document.Servers ?? [])
                {
                    server.Url = server.Url?.TrimEnd('/');
                }
            }

            document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
            return Task.CompletedTask;
        });

        o.AddOperationTransformer((operation, context, _) =>
        {
            var route = context.Description.RelativePath ?? string.Empty;
            operation.Parameters ??= [];
            foreach (Match match in RouteParameter().Matches(route))
            {
                var name = match.Groups["name"].Value;
                if (operation.Parameters.Any(p => p.In == ParameterLocation.Path && p.Name == name))
                {
                    continue;
                }

                var numeric = match.Groups["constraint"].Value is "int" or "long";
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = name,
                    In = ParameterLocation.Path,
                    Required = true,
                    Description = PathParameters.GetValueOrDefault(name),
                    Schema = new OpenApiSchema { Type = numeric ? JsonSchemaType.Integer : JsonSchemaType.String, Format = match.Groups["constraint"].Value is "long" ? "int64" : numeric ? "int32" : null },
                });
            }

            // Every route with a municipality in it answers 404 for an unknown one, before any handler runs.
            operation.Responses ??= [];
            if (route.Contains("{m}", StringComparison.Ordinal) && !operation.Responses.ContainsKey("404"))
            {
                operation.Responses["404"] = new OpenApiResponse { Description = "Ukjent kommune, eller det som ble bedt om finnes ikke i den." };
            }

            // No operation needs credentials: the API is the public side of the platform.
            operation.Security = [];
            return Task.CompletedTask;
        });
    });

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(?::(?<constraint>[a-z]+)[^}]*)?\??\}")]
    private static partial Regex RouteParameter();
}
