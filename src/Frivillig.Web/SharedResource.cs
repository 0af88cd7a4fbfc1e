namespace Frivillig.Web;

/// <summary>Marker for the shared UI strings in Resources/SharedResource.resx (Norwegian Bokmål is the neutral language).</summary>
public sealed class SharedResource;
