Component({ properties: { labels: Array } });
