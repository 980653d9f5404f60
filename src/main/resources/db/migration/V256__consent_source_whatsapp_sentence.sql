-- A STOP written as a sentence ("please stop sending me offers") is told apart from a keyword in the ledger, so the
-- compliance report and the dashboard name its channel as the analytics do ("sentence").
alter table consent_events drop constraint consent_events_source_check;
alter table consent_events add constraint consent_events_source_check check (source in ('import', 'whatsapp_keyword',
    'whatsapp_sentence', 'button', 'meta_user_preferences', 'error_131050', 'email', 'api', 'web_form', 'lead_form',
    'agent'));
