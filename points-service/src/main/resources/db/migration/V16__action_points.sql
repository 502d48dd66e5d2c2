-- Fixed points for actions (docs/action-points.md): birthday, referral, survey answered and the community actions.
-- Marketers version the points and the caps of each action; an action earns by the version valid when it happened.

-- One row per action: what a change of the action's rules locks, so two changes of one action run one after the other.
-- The versions are bootstrapped at start-up (ActionRules.bootstrap) from the settings the awards had before (survey
-- 50, community points and caps of PointsConfig), so a deployment keeps what it configured; birthday and referral start
-- off (0 points) until a marketer turns them on.
CREATE TABLE action_rule (
    action     VARCHAR(32) PRIMARY KEY,
    created_at TIMESTAMPTZ NOT NULL
);

-- The versions of an action's rule: points, and caps per member per calendar day, month and year (null: no cap), valid
-- from valid_from up to (not including) valid_to (null: open). The versions of an action never overlap; a version
-- scheduled for later and replaced before it began is kept with valid_to = valid_from (it never applied).
CREATE TABLE action_rule_version (
    id          UUID         PRIMARY KEY,
    action      VARCHAR(32)  NOT NULL REFERENCES action_rule (action),
    points      BIGINT       NOT NULL CHECK (points >= 0),
    daily_cap   BIGINT       CHECK (daily_cap >= 0),
    monthly_cap BIGINT       CHECK (monthly_cap >= 0),
    yearly_cap  BIGINT       CHECK (yearly_cap >= 0),
    valid_from  TIMESTAMPTZ  NOT NULL,
    valid_to    TIMESTAMPTZ,
    created_at  TIMESTAMPTZ  NOT NULL,
    created_by  VARCHAR(255) NOT NULL,
    reason      VARCHAR(500),
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX action_rule_version_action_idx ON action_rule_version (action, valid_from);

-- Never retroactive, in the database too: a version's points, caps and start never change, it is never deleted, and
-- only its end may be set, never into the past (an action that happened under it keeps its rule).
CREATE FUNCTION action_rule_version_guard() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'action_rule_version rows are never deleted';
    END IF;
    IF NEW.id <> OLD.id OR NEW.action <> OLD.action OR NEW.points <> OLD.points
        OR NEW.daily_cap IS DISTINCT FROM OLD.daily_cap OR NEW.monthly_cap IS DISTINCT FROM OLD.monthly_cap
        OR NEW.yearly_cap IS DISTINCT FROM OLD.yearly_cap OR NEW.valid_from <> OLD.valid_from
        OR NEW.created_at <> OLD.created_at OR NEW.created_by <> OLD.created_by THEN
        RAISE EXCEPTION 'an action rule version changes only its end';
    END IF;
    -- (a minute's leeway for the clocks of the application and the database)
    IF NEW.valid_to IS DISTINCT FROM OLD.valid_to AND (
            NEW.valid_to IS NULL OR NEW.valid_to < now() - INTERVAL '1 minute'
            OR (OLD.valid_to IS NOT NULL AND OLD.valid_to < now() - INTERVAL '1 minute')) THEN
        RAISE EXCEPTION 'an action rule version ends now or later, never in the past';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER action_rule_version_never_retroactive BEFORE UPDATE OR DELETE ON action_rule_version
    FOR EACH ROW EXECUTE FUNCTION action_rule_version_guard();

-- Every award of an action's points: the idempotency key of the action (award_key: the survey wave, the contribution,
-- the year of a birthday, the other member of a referral), when it happened and on which day in the program's zone
-- (what the caps count by), what the rule version said it was worth (points_due) and what the caps let through
-- (points, possibly 0). Revoked community awards keep their row here: they still count toward the caps.
CREATE TABLE action_award (
    member_id       UUID         NOT NULL REFERENCES member (id),
    action          VARCHAR(32)  NOT NULL,
    award_key       VARCHAR(128) NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    award_day       DATE         NOT NULL,
    points_due      BIGINT       NOT NULL CHECK (points_due >= 0),
    points          BIGINT       NOT NULL CHECK (points >= 0 AND points <= points_due),
    rule_version_id UUID         REFERENCES action_rule_version (id),
    awarded_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (member_id, action, award_key)
);
CREATE INDEX action_award_caps_idx ON action_award (member_id, action, award_day);

-- What was awarded before action rules counts toward the caps of its day, month and year.
INSERT INTO action_award (member_id, action, award_key, occurred_at, award_day, points_due, points, awarded_at)
SELECT member_id,
       CASE type WHEN 'PostCreated' THEN 'POST_CREATED' WHEN 'AnswerAccepted' THEN 'ANSWER_ACCEPTED'
                 WHEN 'ReviewPosted' THEN 'REVIEW_POSTED' WHEN 'ReactionReceived' THEN 'REACTION_RECEIVED'
                 ELSE 'EVENT_ATTENDED' END,
       contribution_id::text, occurred_at, award_day, points_due, points, awarded_at
FROM community_award
WHERE event_id IS NOT NULL
  AND type IN ('PostCreated', 'AnswerAccepted', 'ReviewPosted', 'ReactionReceived', 'EventAttended');
-- (survey awards had no caps; their day is taken in the program's default zone)
INSERT INTO action_award (member_id, action, award_key, occurred_at, award_day, points_due, points, awarded_at)
SELECT member_id, 'SURVEY_ANSWERED', wave_id::text, awarded_at, (awarded_at AT TIME ZONE 'Asia/Tokyo')::date, points,
       points, awarded_at
FROM survey_award;

-- A survey answer beyond a cap is recorded with what was left, possibly 0.
ALTER TABLE survey_award DROP CONSTRAINT survey_award_points_check;
ALTER TABLE survey_award ADD CONSTRAINT survey_award_points_check CHECK (points >= 0);

-- The member's birthday: set once by the member, changed later only by staff or an admin (audited).
ALTER TABLE member ADD COLUMN birthday DATE;
CREATE INDEX member_birthday_idx ON member ((EXTRACT(MONTH FROM birthday)), (EXTRACT(DAY FROM birthday)))
    WHERE birthday IS NOT NULL;

-- Referrals: each member may hand out one code; a new member enrols with it (one referrer per member, never oneself).
-- The referral pays on the new member's first purchase (first_purchase_id: set once, by that purchase).
CREATE TABLE referral_code (
    member_id  UUID        PRIMARY KEY REFERENCES member (id),
    code       VARCHAR(16) NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE referral (
    member_id         UUID        PRIMARY KEY REFERENCES member (id),
    referrer_id       UUID        NOT NULL REFERENCES member (id),
    code              VARCHAR(16) NOT NULL,
    referred_at       TIMESTAMPTZ NOT NULL,
    first_purchase_id UUID,
    first_purchase_at TIMESTAMPTZ,
    CHECK (member_id <> referrer_id),
    CHECK ((first_purchase_id IS NULL) = (first_purchase_at IS NULL))
);
CREATE INDEX referral_referrer_idx ON referral (referrer_id);
