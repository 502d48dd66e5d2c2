-- The digital card: contact details a till may trust, and the card designs members choose from (docs/member-card.md).

-- A member's e-mail and phone are trusted for a look-up at the till only when the identity provider vouched for them:
-- the token's email_verified / phone_number_verified claims at enrolment. A value given any other way (the enrolment
-- body, an import) is stored unverified and never found by a look-up. Members from before this migration start
-- unverified; their next POST /api/points/members/me takes over what their token vouches for.
-- phone_key is the phone as the till matches it (digits, international form, see service/Phones); it is only
-- meaningful while phone_verified.
ALTER TABLE member
    ADD COLUMN email_verified BOOLEAN     NOT NULL DEFAULT false,
    ADD COLUMN phone_verified BOOLEAN     NOT NULL DEFAULT false,
    ADD COLUMN phone_key      VARCHAR(32),
    ADD CONSTRAINT member_email_verified_check CHECK (NOT email_verified OR email IS NOT NULL),
    ADD CONSTRAINT member_phone_verified_check CHECK (NOT phone_verified OR (phone IS NOT NULL AND phone_key IS NOT NULL));
-- One member per verified e-mail and per verified phone: a second member vouched for the same value is refused (409),
-- also when both enrol at once. These are also the indexes of the look-ups at the till.
CREATE UNIQUE INDEX member_verified_email_key ON member (lower(email)) WHERE email_verified;
CREATE UNIQUE INDEX member_verified_phone_key ON member (phone_key) WHERE phone_verified;

-- Card designs, managed by marketers and admins (every change in the audit log). A retired design cannot be chosen any
-- more; members who chose it see the default design. Exactly one design is the default, and it cannot be retired.
CREATE TABLE card_design (
    id               UUID         PRIMARY KEY,
    name             VARCHAR(64)  NOT NULL,
    title_ja         VARCHAR(100),
    title_en         VARCHAR(100),
    background_color CHAR(7)      NOT NULL CHECK (background_color ~ '^#[0-9A-F]{6}$'),
    text_color       CHAR(7)      NOT NULL CHECK (text_color ~ '^#[0-9A-F]{6}$'),
    -- an https address of the card's background image, drawn under the text (the colours stay the fallback)
    image_url        VARCHAR(500),
    is_default       BOOLEAN      NOT NULL DEFAULT false,
    retired_at       TIMESTAMPTZ,
    created_at       TIMESTAMPTZ  NOT NULL,
    created_by       VARCHAR(255) NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL,
    updated_by       VARCHAR(255) NOT NULL,
    version          BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT card_design_default_not_retired CHECK (NOT (is_default AND retired_at IS NOT NULL))
);
CREATE UNIQUE INDEX card_design_name_key ON card_design (lower(name));
CREATE UNIQUE INDEX card_design_one_default ON card_design (is_default) WHERE is_default;

INSERT INTO card_design (id, name, title_ja, title_en, background_color, text_color, image_url, is_default, retired_at,
                         created_at, created_by, updated_at, updated_by)
VALUES (gen_random_uuid(), 'standard', 'スタンダード', 'Standard', '#1A3C6E', '#FFFFFF', NULL, true, NULL,
        now(), 'migration', now(), 'migration');

-- The design a member chose; NULL: the default.
ALTER TABLE member ADD COLUMN card_design_id UUID REFERENCES card_design (id);
