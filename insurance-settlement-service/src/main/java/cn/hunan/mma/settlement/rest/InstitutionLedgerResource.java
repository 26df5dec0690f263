package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.SignedMoney;
import cn.hunan.mma.platform.rest.Problem;
import cn.hunan.mma.platform.rest.ProblemResponses;
import cn.hunan.mma.platform.security.AccessPolicy;
import cn.hunan.mma.platform.security.CurrentCaller;
import cn.hunan.mma.platform.security.Jurisdiction;
import cn.hunan.mma.platform.security.OutOfScopeException;
import cn.hunan.mma.platform.security.Role;
import cn.hunan.mma.settlement.domain.ledger.LedgerEntry;
import cn.hunan.mma.settlement.service.InstitutionStatements;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An institution's statement: every ledger line posted to it — pool shares of its alliances' closes, tertiary shares,
 * DIP clearing adjustments, and their reversals — with the book each belongs to and what it nets to, so its finance
 * office reconciles one list against what it was paid. Others read the lines of the books they reach: an alliance's
 * operator those of its alliance's closes, an officer those of the closes and clearings of the areas in scope.
 */
@Path("/api/v1/institutions/{institutionId}/ledger")
@Produces(MediaType.APPLICATION_JSON)
public class InstitutionLedgerResource {

    private final InstitutionStatements statements;
    private final CurrentCaller caller;

    public InstitutionLedgerResource(InstitutionStatements statements, CurrentCaller caller) {
        this.statements = statements;
        this.caller = caller;
    }

    /** A line with its book: an alliance's close (allianceId, period) or a DIP clearing (clearingArea, clearingYear). */
    public record StatementLine(String transactionId, String account, String side, String amount, String memo,
                                Instant postedAt, String allianceId, String period, String clearingArea, Integer clearingYear) {

        static StatementLine of(InstitutionStatements.Line line) {
            LedgerEntry entry = line.entry();
            return new StatementLine(entry.transactionId(), entry.account(), entry.side().name(), entry.amount().toYuanString(),
                    entry.memo(), line.postedAt(), line.allianceId(), line.period(), line.clearingArea(), line.clearingYear());
        }
    }

    /**
     * @param credited what was posted to the institution (paid to it), in yuan
     * @param debited  what was posted from it (clawed back, or a reversal of a reopened close)
     * @param net      credited − debited: what the books owe it over the statement
     */
    public record Statement(String institutionId, Integer year, String credited, String debited, String net,
                            List<StatementLine> lines) {

        static Statement of(String institutionId, Integer year, List<InstitutionStatements.Line> lines) {
            long credited = 0;
            long debited = 0;
            for (InstitutionStatements.Line line : lines) {
                long fen = line.entry().amount().fen();
                if (line.entry().side() == LedgerEntry.Side.CREDIT) {
                    credited = Math.addExact(credited, fen);
                } else {
                    debited = Math.addExact(debited, fen);
                }
            }
            return new Statement(institutionId, year, Money.ofFen(credited).toYuanString(), Money.ofFen(debited).toYuanString(),
                    SignedMoney.ofFen(Math.subtractExact(credited, debited)).toYuanString(),
                    lines.stream().map(StatementLine::of).toList());
        }
    }

    @GET
    @RolesAllowed({Role.INSURANCE_OFFICER_NAME, Role.ALLIANCE_OPERATOR_NAME, Role.INSTITUTION_USER_NAME, Role.AUDITOR_NAME})
    public Uni<Statement> statement(@PathParam("institutionId") String institutionId, @QueryParam("year") String year) {
        String id = InstitutionId.of(institutionId).value();
        Integer only = year(year);
        // Scoped as the institution (its division from the matrix, its alliances, itself), then line by line: a caller
        // reads the lines it could read in their own books, and the statement adds up those.
        return statements.division(id).chain(division -> {
            DivisionCode where = DivisionCode.of(division.orElseThrow(() -> new NotFoundException("institution " + id
                    + " is not in the matrix as this service holds it (or its division is not known yet)")));
            return statements.alliances(id).map(alliances -> AccessPolicy.maySee(caller.get(),
                            new Jurisdiction(where, Set.copyOf(alliances), Set.of(id))))
                    .chain(reachesInstitution -> statements.lines(id, only).map(lines -> {
                        List<InstitutionStatements.Line> visible = lines.stream().filter(line -> visible(line, id)).toList();
                        // An alliance the institution has left still reads its own closes' lines.
                        if (!reachesInstitution && visible.isEmpty()) {
                            throw new OutOfScopeException("institution " + id + " is outside the caller's scope");
                        }
                        return Statement.of(id, only, visible);
                    }));
        });
    }

    /**
     * A close's line as the close is reached (the division it was made for or one its alliance covers, its alliance) or
     * by the institution itself; a DIP clearing's as the clearing area is, or by the institution itself: its own money.
     */
    private boolean visible(InstitutionStatements.Line line, String institutionId) {
        if (line.clearingArea() != null) {
            return AccessPolicy.maySee(caller.get(), new Jurisdiction(DivisionCode.of(line.clearingArea()), Set.of(),
                    Set.of(institutionId)));
        }
        return CloseReach.maySee(caller.get(), new Jurisdiction(DivisionCode.of(line.closeDivision()),
                Set.of(line.allianceId()), Set.of(institutionId)), line.allianceDivisions());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return ProblemResponses.of(Problem.of(404, "Unknown institution", e.getMessage()));
    }

    private static Integer year(String text) {
        return text == null ? null : CalendarYears.parse(text);
    }
}
