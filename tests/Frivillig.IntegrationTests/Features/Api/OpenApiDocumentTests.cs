using System.Diagnostics;
using System.Text.Json;
using Frivillig.IntegrationTests.Infrastructure;

namespace Frivillig.IntegrationTests.Features.Api;

/// <summary>/openapi/v1.json through two validators written by others, as a client generator would read it.</summary>
public sealed class OpenApiDocumentTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    private async Task<(JsonElement Document, JsonElement Report)> ValidateAsync()
    {
        var json = await app.NewSession().Client.GetStringAsync("/openapi/v1.json");
        var file = Path.Combine(app.Root, "openapi.json");
        await File.WriteAllTextAsync(file, json);
        var script = Path.Combine(IcalParsers.RepositoryRoot(), "tests", "js", "validate-openapi.mjs");
        using var node = Process.Start(new ProcessStartInfo("node", [script, file]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await node.StandardOutput.ReadToEndAsync();
        var errors = await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(output.Length > 0, "validate-openapi.mjs printed nothing: " + errors);
        return (JsonDocument.Parse(json).RootElement, JsonDocument.Parse(output).RootElement);
    }

    [Fact]
    public async Task The_document_passes_swagger_parser_and_redocly_without_errors()
    {
        var (_, report) = await ValidateAsync();
        Assert.Equal("ok", report.GetProperty("swaggerParser").GetString());
        var redocly = report.GetProperty("redocly");
        Assert.True(redocly.GetProperty("errors").GetInt32() == 0, string.Join("\n", redocly.GetProperty("problems").EnumerateArray().Select(p => p.GetString())));
    }

    [Fact]
    public async Task Every_path_parameter_and_query_parameter_is_declared_as_the_contract_names_it()
    {
        var (document, _) = await ValidateAsync();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
                foreach (var name in System.Text.RegularExpressions.Regex.Matches(path.Name, @"\{([A-Za-z]+)\}").Select(m => m.Groups[1].Value))
                {
                    Assert.Contains(parameters, x => x.GetProperty("in").GetString() == "path" && x.GetProperty("name").GetString() == name);
                }

                Assert.All(parameters.Where(x => x.GetProperty("in").GetString() == "query"), x =>
                    Assert.Equal(x.GetProperty("name").GetString()!.ToLowerInvariant(), x.GetProperty("name").GetString()));
                Assert.True(operation.Value.GetProperty("responses").EnumerateObject().Any(r => r.Name.StartsWith('4')) || path.Name == "/api/v1/municipalities",
                    $"{path.Name} declares no error response");
            }
        }

        var activities = document.GetProperty("paths").GetProperty("/api/v1/{m}/activities").GetProperty("get");
        Assert.Equal(["m", "from", "to", "district", "category", "target", "dropin", "q"],
            activities.GetProperty("parameters").EnumerateArray().Select(x => x.GetProperty("name").GetString()).OrderBy(n => n == "m" ? 0 : 1));
        Assert.True(activities.GetProperty("responses").TryGetProperty("400", out var bad));
        Assert.True(bad.GetProperty("content").TryGetProperty("application/problem+json", out _));
    }
}
