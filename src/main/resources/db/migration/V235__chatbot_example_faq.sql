-- A new workspace's FAQ holds the demo's example entries (a skincare shop's): the bot answers from them only once
-- the business adopts them (or has its own FAQ); the demo workspace adopts them when it is made.
alter table chatbot_settings add column use_example_faq boolean not null default false;
