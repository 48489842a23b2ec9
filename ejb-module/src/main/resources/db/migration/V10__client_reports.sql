-- What each merchant client last reported about its own work (the client's `report` frame, issue 16):
-- counts since the client started and its assistant's recent answer times. One row per client, replaced
-- by each report; a table of its own so that reports never write the presence columns of merchant_client.
create table client_report (
    client_id           uuid primary key references merchant_client (id) on delete cascade,
    reported_at         timestamptz not null,
    ai_answers          bigint not null,
    staff_answers       bigint not null,
    hand_offs           bigint not null,
    model_errors        bigint not null,
    automation_runs     bigint not null,
    automation_failures bigint not null,
    ai_answer_p50_ms    integer,
    ai_answer_p90_ms    integer
);
