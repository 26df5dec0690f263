package cn.hunan.mma.referral.rest;

import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.EpisodeId;
import cn.hunan.mma.events.value.ReferralId;
import cn.hunan.mma.platform.security.Caller;
import cn.hunan.mma.platform.security.CurrentCaller;
import cn.hunan.mma.platform.security.Role;
import cn.hunan.mma.referral.domain.Party;
import cn.hunan.mma.referral.domain.ReferralAction;
import cn.hunan.mma.referral.domain.ReferralStatus;
import cn.hunan.mma.referral.domain.Refusal;
import cn.hunan.mma.referral.persistence.ReferralEntity;
import cn.hunan.mma.referral.service.ReferralAccess;
import cn.hunan.mma.referral.service.ReferralQueries;
import cn.hunan.mma.referral.service.ReferralRefusedException;
import cn.hunan.mma.referral.service.ReferralService;
import cn.hunan.mma.referral.service.SlotChoice;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Referrals for institutions and operators: request, act, list, timeline. Thin: maps and delegates. */
@Path("/api/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.PROVINCE_ADMIN_NAME, Role.CITY_OPERATOR_NAME, Role.ALLIANCE_OPERATOR_NAME,
        Role.INSTITUTION_USER_NAME, Role.INSURANCE_OFFICER_NAME, Role.AUDITOR_NAME})
public class ReferralResource {

    private static final int MAX_PAGE_SIZE = 200;

    /** The request header that makes a create safe to retry. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String CONTINUES_REFERRAL_ID = "continuesReferralId";

    private final ReferralService referrals;
    private final ReferralQueries queries;
    private final CurrentCaller caller;

    public ReferralResource(ReferralService referrals, ReferralQueries queries, CurrentCaller caller) {
        this.referrals = referrals;
        this.queries = queries;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.INSTITUTION_USER_NAME)
    public Uni<Response> request(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, CreateReferralRequest body) {
        if (body == null) {
            throw new BadRequestException("a referral request body is required");
        }
        Caller who = caller.get();
        ReferralId id = ReferralId.of("R-" + (idempotencyKey == null ? UUID.randomUUID() : retryableId(idempotencyKey, body)));
        return episodeFor(body, who)
                .chain(episode -> referrals.request(body.toApplication(id, episode), body.record(), who, idempotencyKey != null))
                .map(created -> withTag(Response.created(URI.create("/api/v1/referrals/" + created.id())), created, who));
    }

    /**
     * The referral id of a create sent with an Idempotency-Key: derived from the sending institution and the key, so a
     * client retrying after a timeout gets the referral its first try made instead of a second one for the same patient
     * (since 2026-11-25 (4); helper-66).
     */
    private static UUID retryableId(String key, CreateReferralRequest body) {
        if (!key.matches("[A-Za-z0-9._:-]{1,100}")) {
            throw new BadRequestException(IDEMPOTENCY_KEY + ": 1 to 100 letters, digits, '.', '_', ':' or '-' (a UUID, say)");
        }
        String sender = body.senderInstitutionId() == null ? "" : body.senderInstitutionId();
        return UUID.nameUUIDFromBytes(("referral:" + sender + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    @GET
    @Path("/{referralId}")
    public Uni<Response> referral(@PathParam("referralId") String referralId) {
        Caller who = caller.get();
        return queries.referral(referralId, who).map(found -> withTag(Response.ok(), found, who));
    }

    @POST
    @Path("/{referralId}/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> act(@PathParam("referralId") String referralId, @PathParam("action") String action,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ActionRequest body) {
        ReferralAction chosen = action(action);
        long expected = IfMatch.version(ifMatch);
        ActionRequest request = body == null ? ActionRequest.EMPTY : body;
        Caller who = caller.get();
        var command = request.toCommand(chosen);
        Optional<SlotChoice> slot = chosen == ReferralAction.SCHEDULE ? request.slot() : Optional.empty();
        return referrals.act(referralId, command, expected, request.recordAmendment(), slot, who)
                .map(changed -> withTag(Response.ok(), changed, who));
    }

    @GET
    @Path("/{referralId}/timeline")
    public Uni<List<TimelineEntryView>> timeline(@PathParam("referralId") String referralId) {
        return queries.timeline(referralId, caller.get()).map(steps -> steps.stream().map(TimelineEntryView::of).toList());
    }

    /**
     * Institution callers: {@code box=incoming} or {@code outgoing} (both without); city and province
     * callers: every referral touching their divisions. Newest first.
     */
    @GET
    public Uni<List<ReferralView>> list(@QueryParam("box") String box, @QueryParam("status") String status,
                                        @QueryParam("page") @DefaultValue("0") int page,
                                        @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadRequestException("page must be ≥ 0 and size between 1 and " + MAX_PAGE_SIZE);
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            // page × size is the query's offset: beyond an int it overflowed to a negative offset (a 500 before 2026-11-25 (4)).
            throw new BadRequestException("page: page × size must not exceed " + Integer.MAX_VALUE);
        }
        Caller who = caller.get();
        ReferralQueries.Filter filter = new ReferralQueries.Filter(
                Optional.ofNullable(box).map(text -> parse(ReferralQueries.Box.class, text, "box")),
                Optional.ofNullable(status).map(text -> parse(ReferralStatus.class, text, "status")), page, size);
        return queries.list(filter, who).map(found -> found.stream().map(r -> view(r, who)).toList());
    }

    private Uni<EpisodeId> episodeFor(CreateReferralRequest body, Caller who) {
        if (body.continuesReferralId() == null) {
            return Uni.createFrom().item(EpisodeId.of("EP-" + UUID.randomUUID()));
        }
        // A referral the caller may not see is answered as one that does not exist (422 both: a mistake in the body's
        // field, not a missing endpoint; it was 404, and 403 out of scope, before 2026-11-25 (9)).
        return queries.seenBy(body.continuesReferralId(), who).map(found -> {
            ReferralEntity previous = found.orElseThrow(() -> new ReferralRefusedException(Refusal.ofField(
                    Refusal.Kind.UNKNOWN_REFERRAL, CONTINUES_REFERRAL_ID, CONTINUES_REFERRAL_ID + ": no referral "
                            + body.continuesReferralId() + " among those the caller may see")));
            if (!previous.patientPseudonym().equals(body.patientPseudonym())) {
                throw new ReferralRefusedException(Refusal.ofField(Refusal.Kind.INVALID_INPUT, CONTINUES_REFERRAL_ID,
                        CONTINUES_REFERRAL_ID + ": referral " + previous.id() + " is another patient's"));
            }
            return EpisodeId.of(previous.episodeId());
        });
    }

    static ReferralView view(ReferralEntity referral, Caller who) {
        Set<Party> parties = who.mayChangeAnything() ? ReferralAccess.parties(who, referral) : Set.of();
        return ReferralView.of(referral, referral.toReferral().allowedActionsFor(parties));
    }

    private static Response withTag(Response.ResponseBuilder builder, ReferralEntity referral, Caller who) {
        return builder.header(HttpHeaders.ETAG, IfMatch.etag(referral.version())).entity(view(referral, who)).build();
    }

    private static ReferralAction action(String slug) {
        return Arrays.stream(ReferralAction.values()).filter(action -> action.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new jakarta.ws.rs.NotFoundException("no action '" + slug + "'; actions are "
                        + Arrays.stream(ReferralAction.values()).map(ReferralAction::slug).toList()));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, String field) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ContractViolation.invalid(field, field + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
