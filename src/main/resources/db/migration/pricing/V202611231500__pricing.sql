-- Hotel rates: one row is a price per night for a room type and board basis at one hotel over a season.
-- valid_from and valid_to are both INCLUSIVE and name nights: the rate applies to the night that begins on each
-- date d with valid_from <= d <= valid_to (a stay checking out on valid_to + 1 is fully covered).
create table hotel_rates (
    id               uuid                     not null primary key,
    tenant_id        varchar(63)              not null,
    hotel_name       varchar(200)             not null,
    hotel_code       varchar(64),
    destination      varchar(120)             not null, -- normalised key: lower case, words separated by one space
    destination_name varchar(120)             not null, -- as written by the supplier, for display
    room_type        varchar(120)             not null,
    board_basis      varchar(2)               not null check (board_basis in ('RO', 'BB', 'HB', 'FB', 'AI')),
    stars            smallint check (stars between 1 and 5),
    valid_from       date                     not null,
    valid_to         date                     not null,
    rate             numeric(14, 4)           not null check (rate >= 0),
    rate_basis       varchar(10)              not null check (rate_basis in ('per_room', 'per_person')),
    max_adults       smallint check (max_adults >= 1),
    max_children     smallint check (max_children >= 0),
    max_occupancy    smallint check (max_occupancy >= 1),
    child_free_under smallint check (child_free_under between 0 and 18), -- children younger than this stay free
    child_max_age    smallint check (child_max_age between 0 and 17),    -- older children pay as adults
    child_rate       numeric(14, 4) check (child_rate >= 0),             -- per child and night
    child_percent    numeric(5, 2) check (child_percent between 0 and 100), -- of the rate, per child and night
    currency         char(3)                  not null check (currency ~ '^[A-Z]{3}$'),
    supplier         varchar(120),
    created_at       timestamp with time zone not null default now(),
    check (valid_to >= valid_from),
    -- one price per season for the same product: imports update the row instead of adding a duplicate
    constraint hotel_rates_product_season unique nulls not distinct
        (tenant_id, destination, hotel_name, hotel_code, room_type, board_basis, rate_basis, currency, supplier,
         valid_from, valid_to)
);

create index hotel_rates_lookup on hotel_rates (tenant_id, destination, valid_from, valid_to);

-- Flight prices: fares for a route and cabin for departures within a date range (inclusive). A row with a return
-- range is a return fare covering both legs; a row without one is one way.
create table flight_prices (
    id          uuid                     not null primary key,
    tenant_id   varchar(63)              not null,
    origin      char(3)                  not null check (origin ~ '^[A-Z]{3}$'),
    destination char(3)                  not null check (destination ~ '^[A-Z]{3}$'),
    depart_from date                     not null,
    depart_to   date                     not null,
    return_from date,
    return_to   date,
    cabin       varchar(16)              not null
        check (cabin in ('economy', 'premium_economy', 'business', 'first')),
    fare_adult  numeric(14, 4)           not null check (fare_adult >= 0),
    fare_child  numeric(14, 4)           not null check (fare_child >= 0),
    fare_infant numeric(14, 4) check (fare_infant >= 0),
    currency    char(3)                  not null check (currency ~ '^[A-Z]{3}$'),
    airline     varchar(64),
    supplier    varchar(120),
    created_at  timestamp with time zone not null default now(),
    check (depart_to >= depart_from),
    check ((return_from is null and return_to is null)
        or (return_from is not null and return_to is not null and return_to >= return_from)),
    constraint flight_prices_fare unique nulls not distinct
        (tenant_id, origin, destination, cabin, depart_from, depart_to, return_from, return_to, currency, airline,
         supplier)
);

create index flight_prices_lookup on flight_prices (tenant_id, origin, destination, depart_from, depart_to);
