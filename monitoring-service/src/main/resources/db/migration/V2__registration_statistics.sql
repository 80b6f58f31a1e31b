-- Programme figures are computed from consumed events, month by month (Vietnam time) and province by province,
-- so a rebuild from the topics gives the same numbers.
create table registration_figure (
    month                         varchar(7) not null,
    province_code                 varchar(2) not null,
    producers                     integer    not null default 0,
    women_led_producers           integer    not null default 0,
    ethnic_minority_led_producers integer    not null default 0,
    products                      integer    not null default 0,
    primary key (month, province_code)
);
