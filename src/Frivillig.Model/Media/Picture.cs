using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Frivillig.Model.Media;

public enum PictureSize
{
    /// <summary>For lists and cards, 480 px wide.</summary>
    Small,

    /// <summary>For the page itself, 960 px wide.</summary>
    Medium,

    /// <summary>For posters and wide screens, 1600 px wide.</summary>
    Large,
}

/// <summary>
/// A picture an organisation uploaded, as re-encoded copies in fixed sizes: the uploaded file itself is
/// never stored or served, so nothing hidden in it (scripts, metadata, location) reaches a reader.
/// The text alternative belongs to where a picture is used, not here.
/// </summary>
public sealed class Picture : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Width { get; private set; }
    public int Height { get; private set; }
    public byte[] Small { get; private set; } = [];
    public byte[] Medium { get; private set; } = [];
    public byte[] Large { get; private set; } = [];

    /// <summary>The content type of every copy.</summary>
    public const string ContentType = "image/jpeg";

    public static Picture Create(int width, int height, byte[] small, byte[] medium, byte[] large, DateTimeOffset now) =>
        new() { Width = width, Height = height, Small = small, Medium = medium, Large = large, CreatedAt = now };

    public byte[] Copy(PictureSize size) => size switch
    {
        PictureSize.Small => Small,
        PictureSize.Medium => Medium,
        _ => Large,
    };
}

internal sealed class PictureConfiguration : IEntityTypeConfiguration<Picture>
{
    public void Configure(EntityTypeBuilder<Picture> builder)
    {
        builder.HasAlternateKey(p => new { p.MunicipalityId, p.Id });
    }
}
