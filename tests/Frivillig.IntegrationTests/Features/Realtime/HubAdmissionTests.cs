using System.Net;
using System.Text.Json;
using Frivillig.IntegrationTests.Infrastructure;
using Frivillig.Web.Realtime;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Frivillig.IntegrationTests.Features.Realtime;

/// <summary>
/// Past what it can hold, the hub refuses new pages cleanly (503 with Retry-After, problem+json)
/// before upgrading them, keeps serving the ones it has, and admits again once one leaves.
/// Kestrel and WebSockets, as browsers connect, with a limit of two.
/// </summary>
public sealed class HubAdmissionTests : IDisposable
{
    private readonly FrivilligApp _app = new FrivilligApp().With("Frivillig:Realtime:MaxConnections", "2");
    private readonly string _baseUrl;

    public HubAdmissionTests()
    {
        _baseUrl = _app.StartOnKestrel();
    }

    private HubConnection Connect() => new HubConnectionBuilder()
        .WithUrl(_baseUrl + CalendarHub.Path, o => o.Transports = HttpTransportType.WebSockets)
        .Build();

    [Fact]
    public async Task A_full_hub_refuses_the_next_page_with_503_and_admits_it_when_one_leaves()
    {
        await using var first = Connect();
        await using var second = Connect();
        await first.StartAsync();
        await second.StartAsync();
        Assert.True(await first.InvokeAsync<long>("Follow", "tromso") >= 0);
        await second.InvokeAsync<long>("Follow", "tromso");
        var admission = _app.Services.GetRequiredService<HubAdmission>();
        Assert.Equal(2, admission.Open);

        // The third is told at negotiate, as problem+json with a Norwegian explanation and when to try again.
        using var http = new HttpClient();
        using var refused = await http.PostAsync(_baseUrl + CalendarHub.Path + "/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("60", refused.Headers.GetValues("Retry-After").Single());
        Assert.Contains("Direkteoppdateringene er fulle", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());

        // A client that skips negotiation is refused before its WebSocket is upgraded.
        await using var direct = new HubConnectionBuilder()
            .WithUrl(_baseUrl + CalendarHub.Path, o => { o.Transports = HttpTransportType.WebSockets; o.SkipNegotiation = true; })
            .Build();
        await Assert.ThrowsAnyAsync<Exception>(() => direct.StartAsync());

        await using var third = Connect();
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => third.StartAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);

        // The pages it holds keep working.
        Assert.True(await second.InvokeAsync<long>("Follow", "tromso/districts/kroken") >= 0);

        // One leaves; a new page is admitted.
        await first.StopAsync();
        for (var i = 0; i < 100 && admission.Open > 1; i++)
        {
            await Task.Delay(50);
        }

        await using var fourth = Connect();
        await fourth.StartAsync();
        Assert.True(await fourth.InvokeAsync<long>("Follow", "tromso") >= 0);
        Assert.Equal(2, admission.Open);
        Assert.True(admission.Refused >= 3);
    }

    public void Dispose() => _app.Dispose();
}
