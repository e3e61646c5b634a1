"""The typed result every renderer reads (model.py) and its columnar storage (rows.py, ranking_view.py)."""
