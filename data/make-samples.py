#!/usr/bin/env python3
"""Regenerate data/samples/: a small synthetic archive in every loader format.

All text is written for epinews from the templates below; no article is copied.
The output is committed, so building never needs Python. Run from the top of the
tree: python3 data/make-samples.py
"""
import json
import os
import random

R = random.Random(2020)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "samples")

CITIES = [("武汉", "湖北"), ("石家庄", "河北"), ("许昌", "河南"), ("西安", "陕西"),
          ("广州", "广东"), ("成都", "四川"), ("南京", "江苏"), ("杭州", "浙江"),
          ("长春", "吉林"), ("哈尔滨", "黑龙江"), ("郑州", "河南"), ("沈阳", "辽宁"),
          ("昆明", "云南"), ("厦门", "福建"), ("青岛", "山东"), ("南宁", "广西")]
NAMES = ["张明", "李华", "王晓东", "赵静", "陈立", "刘洋", "周敏", "吴涛", "郑雪", "孙浩"]
OUTLETS = ["新华社", "中新社", "央广网"]
FILLER = [
    "连日来，各社区工作人员坚守岗位，逐户登记、测温，耐心解答居民提出的问题。",
    "相关负责人表示，下一步将继续压实属地责任，做好重点人群的健康监测和服务保障。",
    "记者在现场看到，居民按照地面标识保持间隔，有序排队，现场秩序井然。",
    "据介绍，为保障群众基本生活，商超、农贸市场的货源供应充足，价格总体平稳。",
    "医护人员每天轮班工作，部分人员已经连续多日没有回家。",
    "指挥部要求，各区要进一步完善工作方案，确保各项措施落实到位、不留死角。",
    "不少居民主动报名成为志愿者，协助开展物资配送和秩序维护等工作。",
    "专家提醒，市民应坚持佩戴口罩、勤洗手、少聚集，出现发热等症状及时就医。",
]


def date():
    y = R.choice([2020, 2021, 2022])
    m = R.randint(1, 12)
    d = R.randint(2, 28)
    return y, m, d


def filler(k):
    return R.sample(FILLER, k)


def isolation(city, y, m, d):
    sites, beds, people = R.randint(20, 180), R.randint(1500, 16000), R.randint(800, 9000)
    rooms = beds - R.randint(100, 900)
    outlet = R.choice(OUTLETS)
    title = f"{city}已设置{sites}个集中隔离点 提供床位{beds}张"
    lead = (f"{outlet}{city}{m}月{d}日电（记者{R.choice(NAMES)}）记者{d}日从{city}市疫情防控指挥部获悉，"
            f"截至{d - 1}日24时，{city}已设置{sites}个集中隔离点，床位{beds}张，"
            f"隔离房间{rooms}间，集中隔离各类人员{people}人。")
    return title, None, [lead] + filler(2) + [f"（原标题：{city}已设置{sites}个集中隔离点）"]


def press(city, y, m, d):
    c, a = R.randint(5, 400), R.randint(3, 300)
    close, second = R.randint(500, 9000), R.randint(2000, 40000)
    lock, ctrl = R.randint(5, 60), R.randint(20, 200)
    n = R.choice(["第五", "第八", "第十二", "第二十三"])
    title = f"{city}市召开疫情防控{n}场新闻发布会"
    body = [f"{m}月{d}日上午，{city}市人民政府新闻办举行疫情防控{n}场新闻发布会，通报最新情况。",
            f"截至{m}月{d}日8时，{city}市本轮疫情共报告本土确诊病例{c}例、无症状感染者{a}例。",
            f"截至今天上午8时，已排查密接{close}人，次密接{second}人，全部落实隔离管控措施。",
            f"全市划定封控区{lock}个、管控区{ctrl}个。咨询电话{R.randint(60000000, 69999999)}，24小时开通。"]
    return title, None, body + filler(1)


def testing(city, y, m, d):
    rnd = R.choice(["二", "三", "四", "五"])
    sampled = R.randint(200000, 9000000)
    tested = sampled - R.randint(1000, 90000)
    pos, sites, labs = R.randint(0, 30), R.randint(800, 14000), R.randint(8, 60)
    title = f"{city}第{rnd}轮全员核酸检测有序推进"
    body = [f"{m}月{d}日，{city}市第{rnd}轮全员核酸检测有序推进。全市共设置采样点{sites}个，"
            f"{labs}家检测机构参与检测。",
            f"截至{m}月{d}日12时，全市累计采样{sampled}人，已检测{tested}份，检测出阳性{pos}人。",
            f"24小时内完成{round(sampled / 20000) / 10}万人核酸采样。"]
    return title, "全市设置采样点" + str(sites) + "个", body + filler(2)


def hospital(city, y, m, d):
    dis, new, sev = R.randint(3, 80), R.randint(0, 40), R.randint(0, 12)
    title = f"{city}{dis}例确诊病例治愈出院"
    body = [f"{m}月{d}日，{city}市{dis}例确诊病例治愈出院。",
            f"当日{city}市新增确诊病例{new}例，其中{R.randint(0, 3)}例由无症状感染者转为确诊，无死亡病例。",
            f"目前在院治疗的患者中，有重症{sev}例，其余患者病情平稳。"]
    return title, None, body + filler(1)


def donation(city, y, m, d):
    masks, suits, funds, vol = R.randint(2, 60), R.randint(500, 20000), R.randint(10, 900), R.randint(100, 9000)
    title = f"爱心企业向{city}一线捐赠防疫物资"
    body = [f"{m}月{d}日，一批爱心企业向{city}抗疫一线捐赠口罩{masks}万只、防护服{suits}套，价值约{funds}万元。",
            f"这批物资将发放给社区工作者和{vol}余名志愿者。"]
    return title, "物资当天送达社区", body + filler(2)


KINDS = [isolation, press, testing, hospital, donation]


def article(i):
    city, _ = CITIES[i % len(CITIES)]
    y, m, d = date()
    title, sub, body = KINDS[i % len(KINDS)](city, y, m, d)
    return dict(city=city, y=y, m=m, d=d, title=title, subtitle=sub, body=body)


def write(name, text, encoding="utf-8"):
    with open(os.path.join(OUT, name), "w", encoding=encoding, newline="\n") as f:
        f.write(text)


def main():
    os.makedirs(OUT, exist_ok=True)
    arts = [article(i) for i in range(34)]
    # 1. >>> blocks
    blocks = []
    for a in arts[0:8]:
        blocks.append(">>>" + a["title"] + "\n\n" + "\n".join(a["body"]) + "\n\n===========NEXT NEWS==========\n\n")
    write("wire-blocks.txt", "".join(blocks))
    # 2. JSON Lines with URLs and dates
    lines = []
    for k, a in enumerate(arts[8:18]):
        url = f"https://news.example.cn/c/{a['y']}-{a['m']:02d}-{a['d']:02d}/doc-{k:04d}.shtml"
        lines.append(json.dumps({"url": url, "title": a["title"], "text": "\n".join(a["body"]),
                                 "date": f"{a['y']}-{a['m']:02d}-{a['d']:02d}", "comments": []},
                                ensure_ascii=False))
    write("feed.jsonl", "\n".join(lines) + "\n")
    # 3. a JSON array
    arr = [{"title": a["title"], "content": "\n".join(a["body"]),
            "pubtime": f"{a['y']}-{a['m']:02d}-{a['d']:02d} 09:30:00"} for a in arts[18:22]]
    write("archive-array.json", json.dumps(arr, ensure_ascii=False, indent=1))
    # 4. plain articles (one UTF-8, one GB18030, one CRLF)
    for k, a in enumerate(arts[22:25]):
        text = a["title"] + "\n" + (a["subtitle"] or "本市持续做好疫情防控工作") + "\n" + "\n".join(a["body"]) + "\n"
        if k == 1:
            write("plain-gb18030.txt", text, encoding="gb18030")
        elif k == 2:
            write("plain-crlf.txt", text.replace("\n", "\r\n"))
        else:
            write("plain.txt", text)
    # 5. scraped web pages
    for k, a in enumerate(arts[25:27]):
        t = a["title"]
        page = (f"示例资讯网您的位置:首页 >疫情防控 >\n\n{t}\n\n{t}\n\n原标题:{t}\n\n" +
                "\n\n".join(a["body"]) + f"\n\n来源:{a['city']}融媒\n\n责任编辑:\n\n"
                "郑重声明:本文版权归原作者所有,转载文章仅为传播更多信息之目的。\n\n推荐内容\n\n其他文章标题\n")
        write(f"web-page-{k + 1}.txt", page)
    # 6. a newspaper page: headlines, 本报讯, a page break and a repeated paragraph
    parts = []
    for k, a in enumerate(arts[27:34]):
        body = list(a["body"])
        body[0] = f"本报讯(记者 {R.choice(NAMES)}){a['m']}月{a['d']}日,{body[0][body[0].index('，') + 1:]}"
        if k == 0:  # a page break in the middle of a sentence
            p = body[1]
            cut = len(p) // 2
            body[1:2] = [p[:cut], p[cut:]]
            body.append(body[-1])  # printed twice
        if k == 3:
            body[0] = "(上接第一版)" + body[0][body[0].index(")") + 1:]
        head = a["title"] + ("\n\n" + a["subtitle"] if a["subtitle"] else "")
        parts.append(head + "\n\n" + "\n\n".join(body) + "\n\n")
    write("newspaper-page.txt", "\n\n".join(parts))
    # The shapes below were added later: drawn after the others, so that the
    # files above stay as they were.
    more = [article(i) for i in range(34, 46)]
    # 7. a broadcaster's day file: records nested under a key, HTML bodies
    vids = []
    for k, a in enumerate(more[0:4]):
        ymd = f"{a['y']}-{a['m']:02d}-{a['d']:02d}"
        vids.append({"num": k + 1, "video_id": f"v{k:03d}", "video_title": "[视频]" + a["title"], "pub_date": ymd,
                     "video_detail": {"title": a["title"], "source": "央视新闻", "pubtime": ymd + " 19:30:00",
                                      "content": "\r\n".join(f"<p>{p}</p>" for p in a["body"]),
                                      "url": f"https://tv.example.cn/{a['y']}/{a['m']:02d}/{a['d']:02d}/v{k:03d}.shtml"}})
    write("day-file.json", json.dumps({"total": len(vids), "videoList": vids}, ensure_ascii=False))
    # 8. raw scraped pages, one after another, between lines of '*'
    dump = []
    for a in more[4:7]:
        dump.append(a["title"] + "\n" + "\n".join(f'<div class="para">{p}</div>' for p in a["body"]) + "\n")
    write("raw-dump.txt", "*\n".join(dump))
    # 9. a CSV export as Excel writes it on Chinese Windows: GB18030, CRLF, quoted cells
    rows = ["标题,正文,发布时间,来源"]
    for a in more[7:10]:
        body = "\n".join(a["body"]).replace('"', '""')
        rows.append(f'{a["title"]},"{body}",{a["y"]}年{a["m"]}月{a["d"]}日,{a["city"]}日报')
    write("excel-export.csv", "\r\n".join(rows) + "\r\n", encoding="gb18030")
    # 10. saved whole pages, UTF-8 and GBK, with a menu, related links and a footer
    for k, a in enumerate(more[10:12]):
        enc = "utf-8" if k == 0 else "gbk"
        ymd = f"{a['y']}-{a['m']:02d}-{a['d']:02d}"
        page = (f'<!DOCTYPE html>\n<html><head><meta charset="{enc}">\n<title>{a["title"]}_示例资讯网</title>\n'
                f'<meta name="pubdate" content="{ymd} 08:00:00">\n</head><body>\n'
                '<div class="nav"><a href="/">首页</a> <a href="/gn">国内</a> <a href="/gj">国际</a></div>\n'
                f'<div class="article"><h1>{a["title"]}</h1>\n' +
                "\n".join(f"<p>{p}</p>" for p in a["body"]) +
                '\n</div>\n<div class="related"><h3>相关阅读</h3><ul><li><a href="/x">其他文章标题</a></li></ul></div>\n'
                "<footer>版权所有 示例资讯网</footer>\n</body></html>\n")
        write("saved-page.html" if k == 0 else "saved-page-gbk.html", page, encoding=enc)


if __name__ == "__main__":
    main()
