using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Atende.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Tickets_FirstRespondedAt",
                table: "Tickets",
                column: "FirstRespondedAt");

            migrationBuilder.CreateIndex(
                name: "IX_TicketHistory_Reopens",
                table: "TicketHistory",
                column: "At",
                filter: "\"Field\" = 'resolvedAt' AND \"To\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_FirstRespondedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_TicketHistory_Reopens",
                table: "TicketHistory");
        }
    }
}
