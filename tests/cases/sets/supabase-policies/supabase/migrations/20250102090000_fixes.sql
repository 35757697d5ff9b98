-- Merged into one policy: the two SELECT policies above no longer overlap at the end.
DROP POLICY "Readers read published" ON public.documents;  -- expect: lock-timeout
ALTER POLICY "Owners read documents" ON public.documents
  USING (published OR owner_id = (select auth.uid()));

-- Re-targeted to anon with an always-true expression: an ALTER is judged as a CREATE.
ALTER POLICY "Staff update documents" ON public.documents TO anon
  USING (true);  -- expect: policy-always-true "policy \"Staff update documents\" on \"public.documents\" (FOR update) has USING that is always true: every role it names (anon) can update every row"

-- Renamed policies keep their place; a restrictive one is no extra permissive policy.
ALTER POLICY "Owners read documents" ON public.documents RENAME TO "Read documents";
CREATE POLICY "Only live documents" ON public.documents AS RESTRICTIVE FOR SELECT TO authenticated
  USING (true);
