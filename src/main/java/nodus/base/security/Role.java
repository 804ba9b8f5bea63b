package nodus.base.security;

/**
 * What a user may do. RESEARCHER creates cohorts and launches/cancels runs; SUPERVISOR reviews everything and
 * approves models for the registry but cannot launch or delete; ADMIN manages users.
 * The constants below are the Spring authority names used in {@code @RolesAllowed}.
 */
public enum Role {
    RESEARCHER, SUPERVISOR, ADMIN;

    public static final String RESEARCHER_NAME = "RESEARCHER";
    public static final String SUPERVISOR_NAME = "SUPERVISOR";
    public static final String ADMIN_NAME = "ADMIN";
}
