#!/usr/bin/env python3
"""Writes a figure file of N rows in the exchange format: catalogue-free long-tail labels, Chinese notation."""
import csv, random, sys

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
out = sys.argv[2] if len(sys.argv) > 2 else '/dev/stdout'
random.seed(7)
notations = ['{n}', '{n}余', '近{n}', '{w}万', '{w}万余', '超{n}']
with open(out, 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f)
    w.writerow(['section', 'text', 'number_text', 'value', 'unit', 'qualifier', 'metric_zh', 'metric_en', 'family', 'period', 'kind', 'note'])
    for i in range(rows):
        n = random.randint(1, 9999)
        value = random.choice(notations).format(n=n, w=round(random.uniform(1, 99), 2))
        w.writerow(['基准测试', f'第{i}项指标{value}个', value, value, '个', '', f'基准指标{i:06d}', f'Benchmark metric {i}', 'other', '', 'flow', ''])
