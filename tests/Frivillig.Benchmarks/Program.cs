using BenchmarkDotNet.Running;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Frivillig.Benchmarks;

// "seed <db-file> <municipality>" fills a database for the load scripts; anything else runs BenchmarkDotNet.
if (args is ["seed", var path, var municipality, ..])
{
    await LoadData.SeedAsync(path, municipality);
    Console.WriteLine($"Seeded 10,000 activities (2,000 weekly series) into {municipality} in {path}.");
    return;
}

if (args is ["seed-premises", var premisesDb, var premisesMunicipality, var bookings, ..])
{
    await PremisesLoadData.SeedBookingsAsync(premisesDb, premisesMunicipality, int.Parse(bookings, System.Globalization.CultureInfo.InvariantCulture));
    Console.WriteLine($"Seeded {bookings} bookings into a load building in {premisesMunicipality}.");
    return;
}

if (args is ["bookload", var bookUrl, var bookClients, var bookSeconds, ..])
{
    await BookingLoad.RunAsync(bookUrl, int.Parse(bookClients, System.Globalization.CultureInfo.InvariantCulture), int.Parse(bookSeconds, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

if (args is ["hubload", var baseUrl, var clients, var rounds, .. var rest])
{
    // The client kind comes last: "lean" (the default) or "signalr".
    await HubLoad.RunAsync(baseUrl, int.Parse(clients, System.Globalization.CultureInfo.InvariantCulture), int.Parse(rounds, System.Globalization.CultureInfo.InvariantCulture),
        lean: rest is not ["signalr", ..]);
    return;
}

if (args is ["serve-bytes", var file, var url, ..])
{
    // Kestrel and nothing else, answering every request with one file's bytes from memory: the lowest an
    // ASP.NET Core app can go, beside nginx and the app in load-scale.sh.
    var bytes = await File.ReadAllBytesAsync(file);
    var builder = WebApplication.CreateSlimBuilder();
    builder.Logging.ClearProviders();
    builder.WebHost.UseUrls(url);
    var bare = builder.Build();
    bare.Run(http =>
    {
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.ContentLength = bytes.Length;
        return http.Response.Body.WriteAsync(bytes).AsTask();
    });
    await bare.RunAsync();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(LoadData).Assembly).Run(args);
