namespace Frivillig.Web.Hosting;

/// <summary>
/// The shared <see cref="System.Buffers.ArrayPool{T}"/> keeps 32 arrays of each size per core. Every live
/// page's connection rents a 4 KB buffer for each message it is sent, so one change to 10,000 pages
/// rented 10,000 at once and allocated most of them anew: 40 MB of garbage per change, and collections
/// of up to 140 ms in the middle of the fan-out (issue 13, measured with dotnet-counters). Keeping enough
/// arrays for the live pages brought the allocation per change under 4 MB and the collections out of
/// the rounds. The pool gives arrays back to the system when they go unused, so an idle server does
/// not hold them.
/// </summary>
public static class SharedBuffers
{
    public const string Variable = "DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION";

    /// <summary>Per core: with two cores, room for 16,384 connections' buffers, past the hub's own limit of 12,000.</summary>
    public const int ArraysPerCore = 8192;

    /// <summary>
    /// Call first in Main: the runtime reads the variable once, when the pool is first used, and only from
    /// the environment. A value the operator set wins.
    /// </summary>
    public static void KeepEnoughForLivePages()
    {
        if (Environment.GetEnvironmentVariable(Variable) is null)
        {
            Environment.SetEnvironmentVariable(Variable, ArraysPerCore.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
