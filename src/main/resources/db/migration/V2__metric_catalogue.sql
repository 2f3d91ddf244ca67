-- The standard metrics of union work reports. Figures outside this list are kept as long-tail labels.
-- unit_synonyms are measure words that count the same thing (人/名, 个/家); a unit that changes the
-- meaning (人次 for 人, 户次 for 户) is refused. aliases_zh are other names reports give the same metric.
insert into metric (key, name_zh, name_en, family, unit, unit_synonyms, aliases_zh, kind, rollup, min_value, max_value, headline, sort_order)
values
-- membership (会员与组织)
('members', '工会会员数', 'Union members', 'membership', '人', '{名}', '{会员数,工会会员,会员总数}', 'stock', 'sum_latest', 0, null, true, 100),
('grassroots_unions', '基层工会组织数', 'Grassroots union organisations', 'membership', '个', '{家}', '{基层工会数,基层工会组织}', 'stock', 'sum_latest', 0, null, true, 110),
('covered_units', '基层工会覆盖单位数', 'Work units covered by grassroots unions', 'membership', '个', '{家}', '{覆盖单位数,建会单位数}', 'stock', 'sum_latest', 0, null, false, 120),
('new_employment_members', '新就业形态劳动者会员数', 'Union members in new forms of employment', 'membership', '人', '{名}', '{新就业形态劳动者入会人数}', 'stock', 'sum_latest', 0, null, false, 130),
('unionised_new_organisations', '已建工会两新组织数', '''Two new'' organisations with a union', 'membership', '家', '{个}', '{}', 'stock', 'sum_latest', 0, null, false, 140),
('new_unions', '新建工会组织数', 'New union organisations established', 'membership', '个', '{家}', '{新建工会数}', 'flow', 'sum', 0, null, false, 150),
('new_members', '新发展会员数', 'New union members recruited', 'membership', '人', '{名}', '{新增会员数,发展会员数}', 'flow', 'sum', 0, null, false, 160),
('industry_federations', '行业工会联合会数', 'Industry union federations', 'membership', '个', '{家}', '{市级行业工会联合会数}', 'stock', 'sum_latest', 0, null, false, 170),
-- competitions and innovation (建功立业)
('competitions_held', '劳动和技能竞赛项数', 'Labour and skills competitions held', 'competition', '项', '{个,场,场次}', '{竞赛项数,劳动竞赛项数}', 'flow', 'sum', 0, null, true, 200),
('competition_participants', '参赛职工人数', 'Workers taking part in competitions', 'competition', '人', '{名}', '{参与竞赛职工人数}', 'flow', 'sum', 0, null, true, 210),
('competition_units', '参赛单位数', 'Work units taking part in competitions', 'competition', '家', '{个}', '{}', 'flow', 'sum', 0, null, false, 220),
('competition_trades', '竞赛工种数', 'Trades covered by skills competitions', 'competition', '个', '{}', '{}', 'stock', 'sum_latest', 0, null, false, 230),
('innovation_results', '职工创新成果数', 'Worker innovation results', 'competition', '个', '{项}', '{创新成果数}', 'flow', 'sum', 0, null, false, 240),
('innovation_studios', '劳模工匠创新工作室数', 'Model-worker and craftsman innovation studios', 'competition', '个', '{家}', '{劳模创新工作室数,创新工作室数}', 'flow', 'sum', 0, null, false, 250),
-- honours (表彰)
('national_model_workers', '全国劳动模范和先进工作者人数', 'National model workers and advanced workers', 'honours', '人', '{名}', '{全国劳动模范人数}', 'flow', 'sum', 0, null, false, 300),
('model_workers', '劳动模范人数', 'Model workers commended', 'honours', '名', '{人}', '{劳模人数}', 'flow', 'sum', 0, null, false, 310),
('may_day_medals', '五一劳动奖章人数', 'May Day Labour Medals', 'honours', '名', '{人,个}', '{全国五一劳动奖章数,五一劳动奖章数}', 'flow', 'sum', 0, null, false, 320),
('may_day_certificates', '五一劳动奖状数', 'May Day Labour Certificates', 'honours', '个', '{家}', '{}', 'flow', 'sum', 0, null, false, 330),
('worker_pioneers', '工人先锋号数', 'Worker Pioneer titles', 'honours', '个', '{}', '{}', 'flow', 'sum', 0, null, false, 340),
-- aid and hardship relief (帮扶)
('aid_funds', '帮扶资金', 'Aid funds', 'aid', '元', '{}', '{工会投入帮扶资金,帮扶资金总额}', 'flow', 'sum', 0, null, true, 400),
('central_aid_funds', '中央财政专项帮扶资金', 'Central-government special aid funds', 'aid', '元', '{}', '{}', 'flow', 'sum', 0, null, false, 410),
('condolence_funds', '慰问帮扶资金', 'Funds for condolence visits and assistance', 'aid', '元', '{}', '{送温暖资金,慰问资金}', 'flow', 'sum', 0, null, false, 420),
('aided_household_visits', '帮扶困难职工户次', 'Households of workers in hardship helped (household-times)', 'aid', '户次', '{}', '{}', 'flow', 'sum', 0, null, false, 430),
('households_lifted', '困难职工脱困户数', 'Households of workers in hardship lifted out of hardship', 'aid', '户', '{}', '{困难职工解困脱困户数}', 'flow', 'sum', 0, null, false, 440),
('registered_hardship_workers', '建档困难职工人数', 'Registered workers in hardship', 'aid', '人', '{名}', '{}', 'stock', 'sum_latest', 0, null, false, 450),
('medical_mutual_aid_claims', '职工医疗互助报销人次', 'Medical mutual-aid reimbursements', 'aid', '人次', '{}', '{}', 'flow', 'sum', 0, null, false, 460),
('medical_mutual_aid_amount', '职工医疗互助报销金额', 'Medical mutual-aid amount reimbursed', 'aid', '元', '{}', '{}', 'flow', 'sum', 0, null, false, 470),
('dues_refunded_small_firms', '返还小微企业工会经费', 'Union dues refunded to small and micro enterprises', 'aid', '元', '{}', '{}', 'flow', 'sum', 0, null, false, 480),
('hardship_allowance', '困难职工生活救助标准', 'Living allowance per worker in hardship', 'aid', '元/人/年', '{}', '{}', 'per_unit', 'none', 0, null, false, 490),
-- rights and labour relations (维权)
('collective_contract_rate', '集体合同签订率', 'Collective contract signing rate', 'rights', '%', '{}', '{集体合同覆盖率}', 'rate', 'range', 0, 100, false, 500),
('collective_bargaining_rate', '集体协商覆盖率', 'Collective bargaining coverage rate', 'rights', '%', '{}', '{}', 'rate', 'range', 0, 100, false, 510),
('democratic_management_rate', '公有制企业民主管理建制率', 'Democratic-management rate, public enterprises', 'rights', '%', '{}', '{}', 'rate', 'range', 0, 100, false, 520),
('legal_aid_cases', '法律援助案件数', 'Legal-aid cases handled', 'rights', '件', '{起}', '{}', 'flow', 'sum', 0, null, false, 530),
('legal_services', '法律服务职工人次', 'Legal services provided to workers', 'rights', '人次', '{}', '{}', 'flow', 'sum', 0, null, false, 540),
('legal_education_events', '普法宣传活动场次', 'Legal-education events held', 'rights', '场次', '{场,次}', '{普法活动场次}', 'flow', 'sum', 0, null, false, 550),
('legal_service_stations', '法律职工服务工作站数', 'Legal service stations for workers', 'rights', '个', '{家}', '{}', 'stock', 'sum_latest', 0, null, false, 560),
('labour_law_supervisors', '劳动法律监督员人数', 'Labour-law supervisors', 'rights', '人', '{名}', '{}', 'stock', 'sum_latest', 0, null, false, 570),
('dispute_mediators_trained', '培训劳动争议调解员人数', 'Labour-dispute mediators trained', 'rights', '人', '{名}', '{}', 'flow', 'sum', 0, null, false, 580),
('dispute_closure_rate', '矛盾纠纷及信访事项办结率', 'Closure rate of labour disputes and petitions', 'rights', '%', '{}', '{}', 'rate', 'range', 0, 100, false, 590),
-- services to workers (服务职工)
('outdoor_worker_stations', '户外劳动者服务站点数', 'Service stations for outdoor workers', 'services', '个', '{家}', '{户外劳动者服务站数,爱心驿站数}', 'stock', 'sum_latest', 0, null, false, 600),
('worker_libraries', '职工书屋数', 'Workers'' libraries', 'services', '家', '{个}', '{}', 'stock', 'sum_latest', 0, null, false, 610),
('nursing_rooms', '女职工休息哺乳室数', 'Rest and nursing rooms for female workers', 'services', '个', '{家}', '{}', 'stock', 'sum_latest', 0, null, false, 620),
('cultural_palaces_built', '新改建工人文化宫数', 'Workers'' cultural palaces built or renovated', 'services', '个', '{家,座}', '{}', 'flow', 'sum', 0, null, false, 630),
('volunteer_teams', '志愿服务队数', 'Volunteer service teams', 'services', '支', '{个}', '{}', 'stock', 'sum_latest', 0, null, false, 640),
('job_fairs', '招聘活动场次', 'Job fairs held', 'services', '场', '{场次,次}', '{}', 'flow', 'sum', 0, null, false, 650),
('jobs_offered', '提供就业岗位数', 'Jobs offered', 'services', '个', '{}', '{}', 'flow', 'sum', 0, null, false, 660),
('cancer_screening', '两癌筛查女职工人数', 'Female workers screened for breast and cervical cancer', 'services', '人', '{名}', '{}', 'flow', 'sum', 0, null, false, 670),
-- ideology (思想政治引领)
('education_events', '宣传教育活动场次', 'Education and publicity events held', 'ideology', '场', '{场次,次}', '{}', 'flow', 'sum', 0, null, false, 700),
('education_attendance', '宣传教育活动覆盖职工人次', 'Worker attendances at education events', 'ideology', '人次', '{}', '{}', 'flow', 'sum', 0, null, false, 710),
('cultural_sports_events', '职工文体活动场次', 'Cultural and sports events for workers', 'ideology', '场', '{场次,次}', '{}', 'flow', 'sum', 0, null, false, 720),
-- industrial workforce reform (产业工人队伍建设改革)
('reform_documents', '产改配套文件数', 'Workforce-reform supporting documents issued', 'reform', '项', '{份,个,件}', '{}', 'flow', 'sum', 0, null, false, 800),
('reform_pilot_units', '产改试点单位数', 'Workforce-reform pilot units', 'reform', '家', '{个}', '{}', 'stock', 'sum_latest', 0, null, false, 810),
-- the union's own work (工会自身建设)
('cadres_trained', '工会干部培训人次', 'Union cadres trained', 'selfbuild', '人次', '{}', '{}', 'flow', 'sum', 0, null, false, 900),
('union_social_workers', '工会社会化工作者人数', 'Contracted social workers for unions', 'selfbuild', '名', '{人}', '{}', 'stock', 'sum_latest', 0, null, false, 910);

-- The real-name registration rate is a rate over members: it rolls up as a mean weighted by members.
insert into metric (key, name_zh, name_en, family, unit, kind, rollup, base_metric_id, min_value, max_value, sort_order)
select 'member_real_name_rate', '会员实名制录入率', 'Real-name registration rate of members', 'membership', '%', 'rate',
       'weighted_mean', id, 0, 100, 180
from metric where key = 'members';
