using System.Reflection;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Frivillig.Web;

/// <summary>
/// A form field posted empty binds as null by default, even into a <c>string</c> the code declares
/// non-nullable; a handler then trims or slugs null. Non-nullable string properties keep the empty
/// string instead ([Required] still refuses it), so the compiler's nullability holds at run time.
/// </summary>
internal sealed class NonNullableStrings : IDisplayMetadataProvider
{
    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        if (context.Key is { MetadataKind: ModelMetadataKind.Property, PropertyInfo: { } property } && property.PropertyType == typeof(string)
            && new NullabilityInfoContext().Create(property).WriteState == NullabilityState.NotNull)
        {
            context.DisplayMetadata.ConvertEmptyStringToNull = false;
        }
    }
}
