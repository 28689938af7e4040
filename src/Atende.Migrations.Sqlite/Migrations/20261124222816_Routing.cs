using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Atende.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Routing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AssignmentStrategy",
                table: "Teams",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Manual");

            migrationBuilder.AddColumn<int>(
                name: "LastAssignedAgentId",
                table: "Teams",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxOpenPerAgent",
                table: "Teams",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReassignAfterMinutes",
                table: "Teams",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ReassignWhenAway",
                table: "Teams",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "SkillRouting",
                table: "Teams",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AssignmentStrategy",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "LastAssignedAgentId",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "MaxOpenPerAgent",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "ReassignAfterMinutes",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "ReassignWhenAway",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "SkillRouting",
                table: "Teams");
        }
    }
}
