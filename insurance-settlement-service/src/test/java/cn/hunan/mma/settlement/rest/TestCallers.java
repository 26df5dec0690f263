package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.infra.TokenClaims;
import cn.hunan.mma.infra.TokenMinter;

/** Bearer tokens of the callers the settlement tests act as, minted by the test key. */
public final class TestCallers {

    /** An insurance officer of 湘潭市 (430300): its counties 湘潭县, 湘乡, 韶山, 雨湖, 岳塘. */
    public static final String XIANGTAN_OFFICER = TokenMinter.forTests()
            .mint(TokenClaims.forSubject("xt-insurance-officer", "insurance-officer").inCity("430300"));
    /** A second officer of 湘潭市: approves what {@link #XIANGTAN_OFFICER} drafts (four eyes). */
    public static final String XIANGTAN_SECOND_OFFICER = TokenMinter.forTests()
            .mint(TokenClaims.forSubject("xt-insurance-officer-2", "insurance-officer").inCity("430300"));
    public static final String XIANGTAN_AUDITOR = TokenMinter.forTests()
            .mint(TokenClaims.forSubject("xt-auditor", "auditor").inCity("430300"));
    /** An insurance officer of 长沙市 (430100): outside every 湘潭 scope. */
    public static final String CHANGSHA_OFFICER = TokenMinter.forTests()
            .mint(TokenClaims.forSubject("cs-insurance-officer", "insurance-officer").inCity("430100"));

    /** An insurance officer of the province (430000): every alliance is within reach. */
    public static final String HUNAN_OFFICER = TokenMinter.forTests()
            .mint(TokenClaims.forSubject("hn-insurance-officer", "insurance-officer").inProvince("430000"));

    private TestCallers() {
    }
}
