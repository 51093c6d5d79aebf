-- The operators (owner and co-operators) of each gov, as its events say: who may read and act on its notices.
-- Kept by the notice-authority processor, in the same transaction as its token.
create table notice_operator (
    gov      varchar(64)  not null,
    operator varchar(64)  not null,
    primary key (gov, operator)
);
