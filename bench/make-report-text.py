#!/usr/bin/env python3
"""Writes a work report's text with about N figures, in the style of Chinese union reports, for bench/text-300.sh.

Each section is a heading line and paragraphs of sentences such as 举办职工技能培训班12期，培训职工3400人次;
numbers vary (digits, 万, 余/多/近/超, percentages), so the extraction has real work to do."""
import random
import sys

figures = int(sys.argv[1]) if len(sys.argv) > 1 else 300
out = sys.argv[2] if len(sys.argv) > 2 else "/dev/stdout"
random.seed(20261202)
headings = ["一、强化思想政治引领，凝聚奋进力量", "二、深化劳动和技能竞赛，助力高质量发展", "三、推进产业工人队伍建设改革",
            "四、依法维护职工权益，构建和谐劳动关系", "五、精准帮扶服务职工，增强获得感", "六、夯实基层组织建设", "七、加强工会自身建设"]
patterns = [
    "举办职工技能培训班{a}期，培训职工{b}人次",
    "开展劳动和技能竞赛{a}项，参赛职工达{w}万人次",
    "走访慰问困难职工{a}户，发放慰问金{m}万元",
    "新建职工书屋{a}家，建成户外劳动者服务站点{b}个",
    "集体合同签订率达到{p}%，覆盖职工{w}万余人",
    "举办职工文体活动{a}余场，参与职工近{w}万人",
    "筹集帮扶资金{m}万元，帮助{b}名困难职工解决实际问题",
    "调处劳动争议案件{a}件，为职工挽回经济损失{m}万元",
    "选树劳模工匠{a}名，创建劳模和工匠人才创新工作室{b}个",
    "培训工会干部{b}人次，开展专题调研{a}次",
]
lines = []
count = 0
per_section = figures // len(headings) + 1
for heading in headings:
    lines.append(heading)
    paragraph = []
    in_section = 0
    while in_section < per_section and count < figures:
        sentence = random.choice(patterns).format(a=random.randint(2, 900), b=random.randint(100, 9000),
                                                  w=round(random.uniform(1, 90), 1), m=round(random.uniform(5, 900), 2),
                                                  p=round(random.uniform(60, 99), 1))
        paragraph.append(sentence)
        count += 2
        in_section += 2
        if len(paragraph) == 4:
            lines.append("，".join(paragraph) + "。")
            paragraph = []
    if paragraph:
        lines.append("，".join(paragraph) + "。")
with open(out, "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
