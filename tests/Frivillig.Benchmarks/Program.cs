using BenchmarkDotNet.Running;
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

if (args is ["hubload", var baseUrl, var clients, var rounds, ..])
{
    await HubLoad.RunAsync(baseUrl, int.Parse(clients, System.Globalization.CultureInfo.InvariantCulture), int.Parse(rounds, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(LoadData).Assembly).Run(args);
