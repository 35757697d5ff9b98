CREATE TABLE IF NOT EXISTS public.page_views (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  path text NOT NULL,
  viewed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS public.tags (
  slug text NOT NULL,
  label text NOT NULL
);
-- Added by a later statement: what counts is the end of the set.
ALTER TABLE public.tags ADD CONSTRAINT tags_pkey PRIMARY KEY (slug);

CREATE TABLE IF NOT EXISTS public.tag_links (
  tag_slug text NOT NULL REFERENCES public.tags (slug),
  page_view_id bigint NOT NULL REFERENCES public.page_views (id),
  PRIMARY KEY (tag_slug, page_view_id)
);
