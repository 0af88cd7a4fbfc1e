using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Frivillig.Model.Realtime;

/// <summary>
/// One message sent to live pages, kept so that a page that reconnects can ask for what it missed.
/// The id is the revision: the database hands it out, so it keeps growing across restarts and
/// instances. Only public changes and members' counts are journaled, never personal data.
/// </summary>
public sealed class JournalEntry : ITenantOwned
{
    public const int GroupsMaxLength = 2000;

    public long Id { get; set; }
    public int MunicipalityId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The hub groups the message went to, each wrapped in '|' so one LIKE finds a group.</summary>
    public required string Groups { get; set; }

    /// <summary>The client method, e.g. ActivityChanged.</summary>
    public required string Method { get; set; }

    /// <summary>The message as JSON, as the client receives it.</summary>
    public required string Payload { get; set; }

    public static string WrapGroups(IEnumerable<string> groups) => "|" + string.Join('|', groups) + "|";
}

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> builder)
    {
        builder.ToTable("LiveJournal");
        builder.Property(e => e.Groups).HasMaxLength(JournalEntry.GroupsMaxLength);
        builder.Property(e => e.Method).HasMaxLength(40);
        builder.HasIndex(e => e.CreatedAt);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(e => e.MunicipalityId).OnDelete(DeleteBehavior.Cascade);
    }
}
