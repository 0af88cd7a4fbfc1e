using SkiaSharp;

namespace Frivillig.Web.Features.Pictures;

/// <summary>
/// Checks an uploaded picture and re-encodes it, with Skia, to JPEG copies of fixed widths. Only what is
/// decoded is kept: metadata (camera, position), colour profiles, scripts in SVG or trailing bytes never
/// reach a reader. The image's size is read from its header before anything is decoded, so a small file
/// that would expand to gigabytes ("decompression bomb") is refused unopened.
/// </summary>
public static class PictureProcessor
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MinSide = 200;
    public const int MaxSide = 12000;
    public const long MaxPixels = 50_000_000;

    public static readonly IReadOnlyDictionary<PictureSize, int> Widths = new Dictionary<PictureSize, int>
    {
        [PictureSize.Small] = 480,
        [PictureSize.Medium] = 960,
        [PictureSize.Large] = 1600,
    };

    public enum Problem
    {
        None,
        Empty,
        TooLarge,
        NotAPicture,
        TooSmall,
        TooManyPixels,
    }

    public sealed record Result(Problem Problem, Picture? Picture);

    public static async Task<Result> ProcessAsync(IFormFile file, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (file.Length == 0)
        {
            return new Result(Problem.Empty, null);
        }

        if (file.Length > MaxBytes)
        {
            return new Result(Problem.TooLarge, null);
        }

        using var buffer = new MemoryStream((int)file.Length);
        await using (var upload = file.OpenReadStream())
        {
            await upload.CopyToAsync(buffer, cancellationToken);
        }

        return Process(buffer.ToArray(), now);
    }

    public static Result Process(byte[] bytes, DateTimeOffset now)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        // Only the formats cameras and phones make; Skia decodes each without running anything.
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp or SKEncodedImageFormat.Gif or SKEncodedImageFormat.Heif))
        {
            return new Result(Problem.NotAPicture, null);
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width > MaxSide || height > MaxSide || (long)width * height > MaxPixels)
        {
            return new Result(Problem.TooManyPixels, null);
        }

        if (width < MinSide || height < MinSide)
        {
            return new Result(Problem.TooSmall, null);
        }

        using var decoded = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var status = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (status is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return new Result(Problem.NotAPicture, null);
        }

        // Phones store pictures sideways and say so in EXIF; turn them upright before the tag is dropped.
        using var upright = Orient(decoded, codec.EncodedOrigin);
        var copies = Widths.ToDictionary(w => w.Key, w => Encode(upright, w.Value));
        return new Result(Problem.None, Picture.Create(upright.Width, upright.Height, copies[PictureSize.Small], copies[PictureSize.Medium], copies[PictureSize.Large], now));
    }

    private static byte[] Encode(SKBitmap source, int maxWidth)
    {
        var width = Math.Min(maxWidth, source.Width);
        var height = (int)Math.Round(source.Height * (width / (double)source.Width));
        using var scaled = new SKBitmap(new SKImageInfo(width, Math.Max(1, height), SKColorType.Rgba8888, SKAlphaType.Premul));
        // A white background under any transparency: JPEG has none.
        using (var canvas = new SKCanvas(scaled))
        {
            canvas.Clear(SKColors.White);
            using var image = SKImage.FromBitmap(source);
            canvas.DrawImage(image, new SKRect(0, 0, scaled.Width, scaled.Height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        }

        using var encoded = scaled.Encode(SKEncodedImageFormat.Jpeg, 82);
        return encoded.ToArray();
    }

    private static SKBitmap Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default)
        {
            return bitmap.Copy();
        }

        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(swap ? bitmap.Height : bitmap.Width, swap ? bitmap.Width : bitmap.Height);
        using var canvas = new SKCanvas(result);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Scale(-1, 1, result.Width / 2f, 0); break;
            case SKEncodedOrigin.BottomRight: canvas.RotateDegrees(180, result.Width / 2f, result.Height / 2f); break;
            case SKEncodedOrigin.BottomLeft: canvas.Scale(1, -1, 0, result.Height / 2f); break;
            case SKEncodedOrigin.LeftTop: canvas.Translate(result.Width, 0); canvas.RotateDegrees(90); canvas.Scale(1, -1, 0, bitmap.Height / 2f); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(result.Width, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: canvas.Translate(result.Width, 0); canvas.RotateDegrees(90); canvas.Scale(-1, -1, bitmap.Width / 2f, bitmap.Height / 2f); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, result.Height); canvas.RotateDegrees(270); break;
        }

        canvas.DrawBitmap(bitmap, 0, 0);
        return result;
    }
}
