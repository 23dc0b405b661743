-- A pipeline step stopped by its caller (`pipeline/cancel`, Ctrl+C in the CLI) is audited as
-- cancelled, not failed: it changed nothing, as a failed step, but nothing went wrong.
alter table pipeline_run drop constraint pipeline_run_status_check;
alter table pipeline_run add constraint pipeline_run_status_check
  check (status in ('running', 'completed', 'failed', 'cancelled'));
