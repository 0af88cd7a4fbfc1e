using Frivillig.Web.Features.Accounts;
using Frivillig.Web.Features.Organisations;
using Frivillig.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Frivillig.Web.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.HasOne<Municipality>().WithMany().HasForeignKey(o => o.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(o => o.Slug).HasMaxLength(80);
        builder.HasIndex(o => new { o.MunicipalityId, o.Slug }).IsUnique();
        builder.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.OrganisationNumber).HasMaxLength(9);
        builder.HasIndex(o => new { o.MunicipalityId, o.OrganisationNumber }).IsUnique();
        builder.Property(o => o.Description).HasMaxLength(Organisation.DescriptionMaxLength);
        builder.Property(o => o.ContactName).HasMaxLength(100);
        builder.Property(o => o.ContactEmail).HasMaxLength(254);
        builder.Property(o => o.ContactPhone).HasMaxLength(30);
        builder.Property(o => o.Website).HasMaxLength(300);
        builder.Property(o => o.DecisionNote).HasMaxLength(1000);
        builder.Property(o => o.DecidedByUserId).HasMaxLength(450);
        builder.HasMany(o => o.Districts).WithOne().HasForeignKey(d => d.OrganisationId);
        builder.HasMany(o => o.Members).WithOne(m => m.Organisation).HasForeignKey(m => m.OrganisationId);
    }
}

internal sealed class OrganisationDistrictConfiguration : IEntityTypeConfiguration<OrganisationDistrict>
{
    public void Configure(EntityTypeBuilder<OrganisationDistrict> builder)
    {
        builder.HasKey(d => new { d.OrganisationId, d.DistrictId });
        builder.HasOne(d => d.District).WithMany().HasForeignKey(d => d.DistrictId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrganisationMembershipConfiguration : IEntityTypeConfiguration<OrganisationMembership>
{
    public void Configure(EntityTypeBuilder<OrganisationMembership> builder)
    {
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.OrganisationId, m.UserId }).IsUnique();
        builder.HasIndex(m => m.UserId);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.Email).HasMaxLength(254);
        builder.Property(i => i.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.Property(i => i.InvitedByUserId).HasMaxLength(450);
    }
}

internal sealed class MunicipalityRoleAssignmentConfiguration : IEntityTypeConfiguration<MunicipalityRoleAssignment>
{
    public void Configure(EntityTypeBuilder<MunicipalityRoleAssignment> builder)
    {
        builder.Property(r => r.Role).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(r => r.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.MunicipalityId, r.UserId, r.Role }).IsUnique();
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(AppUser.DisplayNameMaxLength);
        builder.Property(u => u.CalendarTokenHash).HasMaxLength(64);
        builder.HasIndex(u => u.CalendarTokenHash).IsUnique();
    }
}
