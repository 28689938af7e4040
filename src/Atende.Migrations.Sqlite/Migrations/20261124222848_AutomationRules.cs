using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Atende.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AutomationRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AutomationRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    StopProcessing = table.Column<bool>(type: "INTEGER", nullable: false),
                    TriggerEvent = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    TriggerField = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    TriggerAmount = table.Column<int>(type: "INTEGER", nullable: true),
                    ConditionsJson = table.Column<string>(type: "TEXT", nullable: false),
                    ActionsJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AutomationRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RuleFirings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RuleId = table.Column<int>(type: "INTEGER", nullable: false),
                    TicketId = table.Column<int>(type: "INTEGER", nullable: false),
                    Event = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    OutboxMessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    Depth = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RuleFirings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RuleFirings_AutomationRules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "AutomationRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RuleFirings_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AutomationRules_TriggerEvent_Enabled_Position",
                table: "AutomationRules",
                columns: new[] { "TriggerEvent", "Enabled", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_RuleFirings_RuleId_Id",
                table: "RuleFirings",
                columns: new[] { "RuleId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RuleFirings_TicketId",
                table: "RuleFirings",
                column: "TicketId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RuleFirings");

            migrationBuilder.DropTable(
                name: "AutomationRules");
        }
    }
}
