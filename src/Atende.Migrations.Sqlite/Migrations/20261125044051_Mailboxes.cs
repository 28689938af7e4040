using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Atende.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Mailboxes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MailboxId",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DeskSecrets",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ProtectedValue = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeskSecrets", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "Mailboxes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    InboundProtocol = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    InboundHost = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    InboundPort = table.Column<int>(type: "INTEGER", nullable: false),
                    InboundSecurity = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    InboundUsername = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    ProtectedInboundPassword = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Folder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PollSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    AfterImport = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    MoveTo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OutboundHost = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    OutboundPort = table.Column<int>(type: "INTEGER", nullable: false),
                    OutboundSecurity = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    OutboundUsername = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    ProtectedOutboundPassword = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    RequestTypeKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    CcParticipate = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClaimedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastPolledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mailboxes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Mailboxes_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "TicketParticipant",
                columns: table => new
                {
                    TicketId = table.Column<int>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketParticipant", x => new { x.TicketId, x.CustomerId });
                    table.ForeignKey(
                        name: "FK_TicketParticipant_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TicketParticipant_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_MailboxId",
                table: "Tickets",
                column: "MailboxId");

            migrationBuilder.CreateIndex(
                name: "IX_Mailboxes_Address",
                table: "Mailboxes",
                column: "Address",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Mailboxes_TeamId",
                table: "Mailboxes",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_TicketParticipant_CustomerId",
                table: "TicketParticipant",
                column: "CustomerId");

            migrationBuilder.AddForeignKey(
                name: "FK_Tickets_Mailboxes_MailboxId",
                table: "Tickets",
                column: "MailboxId",
                principalTable: "Mailboxes",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Tickets_Mailboxes_MailboxId",
                table: "Tickets");

            migrationBuilder.DropTable(
                name: "DeskSecrets");

            migrationBuilder.DropTable(
                name: "Mailboxes");

            migrationBuilder.DropTable(
                name: "TicketParticipant");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_MailboxId",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "MailboxId",
                table: "Tickets");
        }
    }
}
