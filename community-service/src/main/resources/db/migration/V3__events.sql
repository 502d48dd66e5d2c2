-- Community events with registration: a capacity of seats, a waitlist behind it, and staff check-in on the day.
-- Registrations of one event are serialised by a row lock on the event (select ... for update), so the seats are
-- never overbooked, whatever the number of members racing for the last one.

create table community_event (
    id                     uuid primary key,
    title                  text        not null,
    description            text,
    starts_at              timestamptz not null,
    ends_at                timestamptz,
    capacity               int         not null check (capacity > 0),
    -- where: online, or in one store (points-service's store id); neither when not said
    online                 boolean     not null default false,
    store_id               text,
    -- registration window: from opens (null: from creation) until closes (null: until the event starts)
    registration_opens_at  timestamptz,
    registration_closes_at timestamptz,
    created_by             text        not null,
    created_at             timestamptz not null,
    check (ends_at is null or ends_at > starts_at),
    check (not (online and store_id is not null)),
    check (registration_opens_at is null or registration_closes_at is null
           or registration_opens_at < registration_closes_at)
);

create index community_event_upcoming on community_event (starts_at, id);

-- A member's registration for an event: SEATED (holds one of the capacity's seats), WAITLISTED (waits in seq order
-- for a seat to free up) or CANCELLED (by the member; a cancelled seat goes to the first waitlisted registration).
create table event_registration (
    id            uuid primary key,
    event_id      uuid        not null references community_event (id),
    member_id     uuid        not null references community_member (member_id),
    status        text        not null check (status in ('SEATED', 'WAITLISTED', 'CANCELLED')),
    -- the order of registration within the service (registrations of one event are made under the event's lock,
    -- so it is their order); the waitlist moves up in it
    seq           bigint generated always as identity,
    registered_at timestamptz not null,
    seated_at     timestamptz,
    cancelled_at  timestamptz,
    -- check-in by staff (once): the EVENT_ATTENDED contribution's source is this registration
    attended_at   timestamptz,
    checked_in_by text,
    check (status <> 'SEATED' or seated_at is not null),
    check ((status = 'CANCELLED') = (cancelled_at is not null)),
    check (attended_at is null or status = 'SEATED')
);

-- one standing registration per member and event; a cancelled one may be followed by a new one
create unique index event_registration_once on event_registration (event_id, member_id) where status <> 'CANCELLED';
create index event_registration_queue on event_registration (event_id, status, seq);
create index event_registration_member on event_registration (member_id, registered_at desc);
