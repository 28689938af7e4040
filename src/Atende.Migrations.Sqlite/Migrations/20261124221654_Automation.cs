using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Atende.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Automation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LeadAgentId",
                table: "Teams",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ScheduledEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    TicketId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LockedUntil = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduledEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScheduledEvents_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Teams_LeadAgentId",
                table: "Teams",
                column: "LeadAgentId");

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledEvents_DueAt",
                table: "ScheduledEvents",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledEvents_TicketId_Type_Key",
                table: "ScheduledEvents",
                columns: new[] { "TicketId", "Type", "Key" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Teams_Agents_LeadAgentId",
                table: "Teams",
                column: "LeadAgentId",
                principalTable: "Agents",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Teams_Agents_LeadAgentId",
                table: "Teams");

            migrationBuilder.DropTable(
                name: "ScheduledEvents");

            migrationBuilder.DropIndex(
                name: "IX_Teams_LeadAgentId",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "LeadAgentId",
                table: "Teams");
        }
    }
}
